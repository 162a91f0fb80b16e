import { expect, test } from "@playwright/test";
import { at, completeSecondFactor, DEMO_TOTP_SECRET, signIn } from "./helpers";

const DEMO = "demo.localhost";

test("an admin creates a facility and moves a chiefdom to another district", async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page, DEMO, "admin@demo.test");
  await completeSecondFactor(page, DEMO, DEMO_TOTP_SECRET);
  await page.getByRole("link", { name: "Org units" }).click();
  await expect(page).toHaveURL(at(DEMO, "/admin/org-units"));

  await page.getByLabel("Find a unit").fill("Baoma");
  await page.getByRole("button", { name: "Sierra Leone › Bo › Baoma", exact: true }).click();
  const panel = page.getByTestId("unit-panel");
  await expect(panel).toContainText("Chiefdom");

  const addChild = panel.getByRole("form", { name: "Add a child unit" });
  await addChild.getByLabel("New child unit").fill("Canopy Test Health Post");
  await addChild.getByRole("button", { name: "Add" }).click();
  await expect(panel.getByRole("status")).toHaveText("Added under Baoma.");

  await panel.getByRole("textbox", { name: "Move under" }).fill("Kenema");
  await panel.getByRole("option", { name: "Sierra Leone › Kenema", exact: true }).click();
  await panel.getByRole("button", { name: "Move Baoma here" }).click();
  await expect(panel.getByRole("status")).toHaveText("Moved Baoma with everything below it.");
  await expect(panel.getByRole("navigation", { name: "Breadcrumbs" })).toContainText("Sierra Leone › Kenema › Baoma");

  await page.getByLabel("Find a unit").fill("Canopy Test Health Post");
  await expect(page.getByRole("list", { name: "Matching units" })).toContainText("Sierra Leone › Kenema › Baoma › Canopy Test Health Post");
});

test("an admin names a level and groups units", async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page, DEMO, "admin@demo.test");
  await completeSecondFactor(page, DEMO, DEMO_TOTP_SECRET);
  await page.goto(at(DEMO, "/admin/org-units"));
  // The group list has loaded, so the page is live before anything is typed.
  await expect(page.getByRole("region", { name: "Groups" })).toContainText(/No groups yet|unit\(s\)/);
  await page.getByLabel("New group name").fill("Hospitals");
  await page.getByRole("button", { name: "Create" }).click();
  await expect(page.getByRole("region", { name: "Groups" })).toContainText("Hospitals0 unit(s)");

  await page.getByLabel("Find a unit").fill("Ngelehun CHC");
  await page.getByRole("button", { name: /Ngelehun CHC$/ }).click();
  await page.getByTestId("unit-panel").getByLabel("Hospitals").check();
  await expect(page.getByRole("region", { name: "Groups" })).toContainText("Hospitals1 unit(s)");
});

test("an admin checks a CSV file, sees its problems, then imports a clean one with progress", async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page, DEMO, "admin@demo.test");
  await completeSecondFactor(page, DEMO, DEMO_TOTP_SECRET);
  await page.goto(at(DEMO, "/admin/org-units"));
  await expect(page.getByRole("region", { name: "Groups" })).toContainText(/No groups yet|unit\(s\)/);
  const file = page.getByLabel("Organisation-unit file");

  await file.setInputFiles({ name: "broken.csv", mimeType: "text/csv", buffer: Buffer.from("id,name,parent_id\nE2E-X,Lost post,NO-SUCH-PARENT\n") });
  await expect(page.getByTestId("import-check")).toContainText("its parent “NO-SUCH-PARENT” is neither in the file nor in the tree");
  await expect(page.getByRole("button", { name: /^Import/ })).toHaveCount(0);

  await file.setInputFiles({
    name: "new-posts.csv",
    mimeType: "text/csv",
    buffer: Buffer.from("id,name,parent_id\nE2E-A,E2E Post A,O6uvpzGd5pu\nE2E-B,E2E Post B,E2E-A\n"),
  });
  await expect(page.getByTestId("import-check")).toContainText("Ready: 2 new unit(s)");
  await page.getByRole("button", { name: "Import 2 unit(s)" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Imported" })).toHaveText("Imported 2 unit(s).");
  await page.getByLabel("Find a unit").fill("E2E Post B");
  await expect(page.getByRole("list", { name: "Matching units" })).toContainText("Sierra Leone › Bo › E2E Post A › E2E Post B");
});
