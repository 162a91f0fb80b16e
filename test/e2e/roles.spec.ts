import { expect, test } from "@playwright/test";
import { at, completeSecondFactor, DEMO_TOTP_SECRET, signIn } from "./helpers";

const DEMO = "demo.localhost";

test("an admin builds a custom role in the permission matrix and gives it to a user", async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page, DEMO, "admin@demo.test");
  await completeSecondFactor(page, DEMO, DEMO_TOTP_SECRET);
  await page.getByRole("link", { name: "Roles" }).click();
  await expect(page).toHaveURL(at(DEMO, "/admin/roles"));
  await expect(page.getByTestId("role-row").filter({ hasText: "Tenant admin" })).toContainText("system");

  await page.getByRole("button", { name: "New role" }).click();
  const editor = page.getByRole("region", { name: "Role editor" });
  await editor.getByLabel("Name").fill("Records viewer");
  await editor.getByLabel("read People").check();
  await editor.getByLabel("read Organisation units").check();
  await editor.getByRole("button", { name: "Save role" }).click();
  const row = page.getByTestId("role-row").filter({ hasText: "Records viewer" });
  await expect(row).toContainText("2");

  await page.getByRole("link", { name: "Users" }).click();
  const analyst = page.getByTestId("user-row").filter({ hasText: "analyst@demo.test" });
  await analyst.getByRole("button", { name: "Roles" }).click();
  await page.getByTestId("roles-editor").getByLabel("Records viewer").check();
  await page.getByTestId("roles-editor").getByRole("button", { name: "Save roles" }).click();
  await expect(analyst).toContainText("Analyst, Records viewer");
});
