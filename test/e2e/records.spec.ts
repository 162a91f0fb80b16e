import { expect, test } from "@playwright/test";
import { E2E_PROTECTED_PERSON } from "../fixtures/e2e-users";
import { at, signIn } from "./helpers";

const DEMO = "demo.localhost";
const PROTECTED_NAME = `${E2E_PROTECTED_PERSON.firstName} ${E2E_PROTECTED_PERSON.lastName}`;
const REASON = "Brought in unconscious to Ngelehun CHC; need her ART regimen now.";

test("a nurse registers a person, enrols her, records a visit and finds her record again", async ({ page }) => {
  test.setTimeout(90_000);
  // Unique per run, so a retry does not collide with the National ID registered the first time.
  const nationalId = `SLT${Date.now()}`;
  await signIn(page, DEMO, "nurse@demo.test");
  await expect(page.getByRole("link", { name: "Break-the-glass review" })).toHaveCount(0);
  await page.getByRole("link", { name: "People" }).click();
  await expect(page.getByRole("heading", { name: "People" })).toBeVisible();

  await page.getByRole("link", { name: "Register a person" }).click();
  const form = page.getByRole("form", { name: "Register a person" });
  await form.getByLabel("National ID").fill(nationalId);
  await form.getByLabel("First name").fill("Yeama");
  await form.getByLabel("Last name").fill("Kpakiwa");
  await form.getByLabel("Sex").selectOption("Female");
  await form.getByRole("textbox", { name: "Registration unit" }).fill("Ngelehun");
  await form.getByRole("option", { name: /Badjia › Ngelehun CHC/ }).click();
  await form.getByRole("button", { name: "Register" }).click();
  await expect(form.getByText("Date of birth is required.")).toBeVisible();
  await form.getByLabel("Date of birth").fill("2025-01-15");
  await form.getByRole("button", { name: "Register" }).click();
  await expect(page.getByRole("heading", { name: "Yeama Kpakiwa" })).toBeVisible();
  await expect(page.getByText("Registered at Ngelehun CHC")).toBeVisible();

  await page.getByRole("button", { name: "Enrol in a program" }).click();
  const enrol = page.getByRole("form", { name: "Enrol in a program" });
  await enrol.getByLabel("Program").selectOption("Child vaccination");
  // The enrolling unit starts as the registration unit.
  await expect(enrol.getByRole("list", { name: "Enrolling unit: chosen units" })).toContainText("Ngelehun CHC");
  await enrol.getByRole("button", { name: "Enrol" }).click();
  const vaccination = page.getByRole("region", { name: /Child vaccination/ });
  await expect(vaccination).toContainText("Owned by Ngelehun CHC (your capture scope)");

  await vaccination.getByRole("button", { name: "Record an event" }).click();
  const visit = vaccination.getByRole("form", { name: "Record an event" });
  await expect(visit.getByLabel("Stage")).toHaveValue(/.+/);
  await visit.getByLabel("Birth weight (kg)").fill("9");
  await visit.getByRole("button", { name: "Save event" }).click();
  await expect(visit.getByText("Birth weight (kg) must be at most 6.")).toBeVisible();
  await visit.getByLabel("Birth weight (kg)").fill("3.2");
  await visit.getByLabel("BCG given").selectOption("Yes");
  await visit.getByRole("button", { name: "Save event" }).click();
  const birth = vaccination.getByRole("listitem", { name: /^Birth on / });
  await expect(birth).toContainText(/Birth weight \(kg\):\s*3\.2/);
  await expect(birth).toContainText(/BCG given:\s*Yes/);

  // One name alone searches only the capture scope; a second attribute reaches the search scope.
  await page.getByRole("link", { name: "People", exact: true }).click();
  await page.getByLabel("Attribute").selectOption("First name");
  await page.getByRole("textbox", { name: "First name" }).fill("yea");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByText("Searching only your capture scope")).toBeVisible();
  await expect(page.getByRole("link", { name: "Yeama Kpakiwa" })).toBeVisible();
  await page.getByRole("button", { name: "Add another attribute" }).click();
  await page.getByLabel("Attribute").nth(1).selectOption("Last name");
  await page.getByRole("textbox", { name: "Last name" }).fill("Kpak");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByText("Searching only your capture scope")).toHaveCount(0);
  const row = page.getByTestId("person-row").filter({ hasText: "Yeama Kpakiwa" });
  await expect(row).toContainText(nationalId);
  await expect(row).toContainText("Child vaccination");
  await row.getByRole("link", { name: "Yeama Kpakiwa" }).click();
  await expect(page.getByRole("heading", { name: "Yeama Kpakiwa" })).toBeVisible();
});

test.describe.serial("breaking the glass", () => {
  test("the nurse breaks the glass on a protected record and loses it when the grant runs out", async ({ page }) => {
    // The e2e fixture makes HIV care grants last one minute.
    test.setTimeout(150_000);
    await signIn(page, DEMO, "nurse@demo.test");
    await page.getByRole("link", { name: "People" }).click();
    await page.getByLabel("National ID").fill(E2E_PROTECTED_PERSON.nationalId);
    await page.getByRole("button", { name: "Search" }).click();

    const match = page.getByTestId("protected-match");
    await expect(match).toContainText("This record is protected");
    await expect(match).toContainText("HIV care");
    await expect(page.getByText(E2E_PROTECTED_PERSON.firstName)).toHaveCount(0);

    await match.getByRole("button", { name: "Break the glass" }).click();
    const dialog = page.getByRole("dialog", { name: "Break the glass" });
    await expect(dialog).toContainText("Your access and everything you read will be logged and reviewed by a supervisor.");
    await dialog.getByLabel("Reason").fill("urgent");
    await dialog.getByRole("button", { name: "Break the glass and open record" }).click();
    await expect(dialog).toContainText("Please give a reason of at least 10 characters.");
    await dialog.getByLabel("Reason").fill(REASON);
    await dialog.getByRole("button", { name: "Break the glass and open record" }).click();

    await expect(page.getByRole("heading", { name: PROTECTED_NAME })).toBeVisible();
    const hiv = page.getByRole("region", { name: /HIV care/ });
    await expect(hiv.getByRole("timer")).toHaveText(/^Emergency access ends in (1:00|0:[0-5]\d)$/);
    await expect(hiv).toContainText("Enrolment assessment");
    await expect(hiv).toContainText(/WHO stage:\s*2/);
    // Read only: nothing to change under a grant.
    await expect(hiv.getByRole("button", { name: "Edit" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Edit details" })).toHaveCount(0);

    await expect(page.getByRole("heading", { name: "Your emergency access has ended." })).toBeVisible({ timeout: 90_000 });
    await page.reload();
    await expect(page.getByRole("heading", { name: "Record not found" })).toBeVisible();
  });

  test("the supervisor sees the grant with its reason and marks it reviewed", async ({ page }) => {
    await signIn(page, DEMO, "supervisor@demo.test");
    await page.getByRole("link", { name: "Break-the-glass review" }).click();
    await expect(page.getByRole("heading", { name: "Break-the-glass review" })).toBeVisible();

    const grant = page.getByTestId("grant").filter({ hasText: PROTECTED_NAME });
    await expect(grant).toHaveCount(1);
    await expect(grant).toContainText("Fatmata Kamara broke the glass on");
    await expect(grant).toContainText(`HIV care (owned by ${E2E_PROTECTED_PERSON.owner})`);
    await expect(grant).toContainText(REASON);
    await expect(grant).toContainText(/expired/);
    await expect(grant).toContainText(/Read (once|\d+ times)/);

    await grant.getByRole("button", { name: "Mark reviewed" }).click();
    await grant.getByLabel("Comment").fill("Confirmed with the ward: emergency admission.");
    await grant.getByRole("button", { name: "Confirm review" }).click();
    await expect(grant).toHaveCount(0);

    await page.getByLabel("Reviewed", { exact: true }).check();
    const reviewed = page.getByTestId("grant").filter({ hasText: PROTECTED_NAME });
    await expect(reviewed).toContainText("Reviewed by Hawa Turay");
    await expect(reviewed).toContainText("Confirmed with the ward");
    await reviewed.getByRole("link", { name: PROTECTED_NAME }).click();
    await expect(page.getByRole("heading", { name: PROTECTED_NAME })).toBeVisible();
  });
});

test("a nurse registers a person and enrols her in the same step", async ({ page }) => {
  test.setTimeout(60_000);
  await signIn(page, DEMO, "nurse@demo.test");
  await page.getByRole("link", { name: "People" }).click();
  await page.getByRole("link", { name: "Register a person" }).click();
  const form = page.getByRole("form", { name: "Register a person" });
  await form.getByLabel("National ID").fill(`SLE${Date.now()}`);
  await form.getByLabel("First name").fill("Kumba");
  await form.getByLabel("Last name").fill("Fomba");
  await form.getByLabel("Sex").selectOption("Female");
  await form.getByLabel("Date of birth").fill("2025-03-02");
  await form.getByRole("textbox", { name: "Registration unit" }).fill("Ngelehun");
  await form.getByRole("option", { name: /Badjia › Ngelehun CHC/ }).click();
  await expect(form.getByRole("group", { name: "First enrolment (optional)" })).toContainText("You can also enrol the person later");
  await form.getByLabel("Program").selectOption("Child vaccination");
  await form.getByLabel("Enrolment date").fill("2999-01-01");
  await form.getByRole("button", { name: "Register and enrol" }).click();
  await expect(form.getByText("The enrolment date cannot be in the future.")).toBeVisible();
  await form.getByLabel("Enrolment date").fill("2026-01-05");
  await form.getByRole("button", { name: "Register and enrol" }).click();
  await expect(page.getByRole("heading", { name: "Kumba Fomba" })).toBeVisible();
  const vaccination = page.getByRole("region", { name: /Child vaccination/ });
  await expect(vaccination).toContainText("Owned by Ngelehun CHC (your capture scope)");
  await expect(vaccination.getByRole("button", { name: "Record an event" })).toBeVisible();
});

test("a record that does not exist reads exactly like a hidden one", async ({ page }) => {
  await signIn(page, DEMO, "nurse@demo.test");
  await expect(page.getByTestId("user-name")).toBeVisible();
  await page.goto(at(DEMO, "/people/00000000-0000-4000-8000-000000000000"));
  await expect(page.getByRole("heading", { name: "Record not found" })).toBeVisible();
});
