import { expect, test } from "@playwright/test";
import { at, signIn } from "./helpers";

const DEMO = "demo.localhost";

test("ending a session from the Sessions page signs that browser out at once", async ({ page, browser }) => {
  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await signIn(other, DEMO, "analyst@demo.test");
  await expect(other.getByTestId("user-name")).toHaveText("Isatu Conteh");

  await signIn(page, DEMO, "analyst@demo.test");
  await page.getByRole("link", { name: "Sessions" }).click();
  await expect(page).toHaveURL(at(DEMO, "/sessions"));
  const rows = page.getByTestId("session-row");
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: "This session" })).toHaveCount(1);

  await rows.filter({ hasNotText: "This session" }).getByRole("button", { name: "End session" }).click();
  await expect(rows).toHaveCount(1);
  await expect(page.getByText("You are not signed in anywhere else.")).toBeVisible();

  await other.reload();
  await expect(other).toHaveURL(at(DEMO, "/sign-in"));
  await otherContext.close();
});

test("ending all other sessions asks for confirmation first", async ({ page, browser }) => {
  await signIn(page, DEMO, "district@demo.test");
  await expect(page.getByTestId("user-name")).toHaveText("Mohamed Bangura");
  await page.goto(at(DEMO, "/sessions"));
  const rows = page.getByTestId("session-row");
  // Start from this session alone, whatever earlier tests left behind.
  await expect(rows.filter({ hasText: "This session" })).toHaveCount(1);
  if ((await rows.count()) > 1) {
    await page.getByRole("button", { name: "End all other sessions" }).click();
    await page.getByRole("button", { name: "Yes, end them" }).click();
  }
  await expect(rows).toHaveCount(1);

  const contexts = await Promise.all([browser.newContext(), browser.newContext()]);
  for (const context of contexts) {
    const other = await context.newPage();
    await signIn(other, DEMO, "district@demo.test");
    await expect(other.getByTestId("user-name")).toHaveText("Mohamed Bangura");
  }
  await page.reload();
  await expect(rows).toHaveCount(3);

  await page.getByRole("button", { name: "End all other sessions" }).click();
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(rows).toHaveCount(3);

  await page.getByRole("button", { name: "End all other sessions" }).click();
  await expect(page.getByText("End 2 other sessions?")).toBeVisible();
  await page.getByRole("button", { name: "Yes, end them" }).click();
  await expect(rows).toHaveCount(1);
  await Promise.all(contexts.map((context) => context.close()));
});
