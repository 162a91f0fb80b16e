import { expect, test } from "@playwright/test";
import { at, completeSecondFactor, DEMO_TOTP_SECRET, signIn } from "./helpers";

const DEMO = "demo.localhost";

test("an admin creates a user, sees the temporary password once, and disables the account", async ({ page, browser }) => {
  test.setTimeout(90_000);
  await signIn(page, DEMO, "admin@demo.test");
  await completeSecondFactor(page, DEMO, DEMO_TOTP_SECRET);
  await page.getByRole("link", { name: "Users" }).click();
  await expect(page.getByRole("heading", { name: "Users" })).toBeVisible();

  await page.getByRole("button", { name: "New user" }).click();
  const form = page.getByRole("form", { name: "New user" });
  await form.getByLabel("Name").fill("Mariama Jalloh");
  await form.getByLabel("Email").fill("mariama@demo.test");
  await form.getByLabel("Data entry clerk").check();
  await form.getByRole("button", { name: "Create user" }).click();
  const temporary = (await page.getByTestId("temporary-password").textContent())!.trim();
  expect(temporary).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);

  await page.getByPlaceholder("Name or email").fill("mariama");
  await expect(page.getByTestId("user-row")).toHaveCount(1);
  const row = page.getByTestId("user-row").filter({ hasText: "mariama@demo.test" });
  await expect(row).toContainText("Data entry clerk");

  await row.getByRole("button", { name: "Scopes" }).click();
  const editor = page.getByTestId("scopes-editor");
  await editor.getByRole("textbox", { name: "Captures in" }).fill("Ngelehun");
  await editor.getByRole("option", { name: /Bo › Badjia › Ngelehun CHC/ }).click();
  await editor.getByRole("textbox", { name: "Also searches in" }).fill("Badjia");
  await editor.getByRole("option", { name: "Sierra Leone › Bo › Badjia", exact: true }).click();
  // Analytics chosen by browsing the tree instead of searching.
  const analytics = editor.locator("div.text-sm", { has: page.getByRole("textbox", { name: "Sees aggregates for" }) });
  await analytics.getByRole("button", { name: "Browse tree" }).click();
  await analytics.getByRole("button", { name: /^Sierra Leone \d+$/ }).click();
  await expect(editor.getByRole("list", { name: "Sees aggregates for: chosen units" })).toContainText("Sierra Leone");
  await editor.getByRole("button", { name: "Save scopes" }).click();
  await expect(editor.getByTestId("effective-scopes")).toContainText("Aggregates for Sierra Leone: 1 national, 13 districts");
  await expect(editor.getByTestId("effective-scopes")).toContainText("Captures in Ngelehun CHC.");
  await expect(editor.getByTestId("effective-scopes")).toContainText(/Searches in Badjia: 1 chiefdom, \d+ facilities/);

  const mariama = await browser.newContext();
  const herPage = await mariama.newPage();
  await signIn(herPage, DEMO, "mariama@demo.test", temporary);
  await expect(herPage).toHaveURL(at(DEMO, "/account/password"));
  await herPage.getByLabel("New password", { exact: true }).fill("cassava fields at dawn");
  await herPage.getByLabel("New password again").fill("cassava fields at dawn");
  await herPage.getByRole("button", { name: "Save and continue" }).click();
  // Her home shows only her own part of the tree: Badjia (search) with Ngelehun CHC inside it.
  const tree = herPage.getByRole("tree", { name: "Organisation units" });
  await expect(tree.getByRole("button", { name: /^Badjia \d+$/ })).toBeVisible();
  await expect(tree).not.toContainText("Bombali");
  await herPage.getByRole("link", { name: "Profile" }).click();
  await expect(herPage.getByTestId("my-scopes")).toContainText("You capture data in Ngelehun CHC.");
  await expect(herPage.getByTestId("my-scopes")).toContainText("You see aggregate figures for Sierra Leone: 1 national, 13 districts");
  await row.getByRole("button", { name: "Disable" }).click();
  await row.getByRole("button", { name: "Confirm" }).click();
  await expect(row).toContainText("Disabled");

  await herPage.reload();
  await expect(herPage).toHaveURL(at(DEMO, "/sign-in"));
  await mariama.close();
});

test("staff without user permissions see no Users page at all", async ({ page }) => {
  await signIn(page, DEMO, "nurse@demo.test");
  await expect(page.getByTestId("user-name")).toHaveText("Fatmata Kamara");
  await expect(page.getByRole("link", { name: "Users" })).toHaveCount(0);
  const response = await page.goto(at(DEMO, "/admin/users"));
  expect(response?.status()).toBe(404);
});
