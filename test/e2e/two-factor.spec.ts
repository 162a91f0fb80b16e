import { expect, test } from "@playwright/test";
import { E2E_USERS } from "../fixtures/e2e-users";
import { at, completeSecondFactor, DEMO_TOTP_SECRET, enterSecondFactor, expectSignedInHome, signIn, totpCode } from "./helpers";

const DEMO = "demo.localhost";
const DEMO_NAME = "Sierra Leone Ministry of Health (demo)";

test("the demo admin signs in with the code from DEMO_TOTP_SECRET, and the same code cannot be replayed", async ({ page, browser }) => {
  test.setTimeout(90_000);
  await signIn(page, DEMO, "admin@demo.test");
  const code = await completeSecondFactor(page, DEMO, DEMO_TOTP_SECRET);
  await expectSignedInHome(page, "Aminata Sesay (admin)", DEMO_NAME);

  const replay = await browser.newContext();
  const attacker = await replay.newPage();
  await signIn(attacker, DEMO, "admin@demo.test");
  await enterSecondFactor(attacker, DEMO, code);
  await expect(attacker.getByTestId("step-error")).toContainText("That code is not valid");
  await attacker.goto(at(DEMO, "/"));
  await expect(attacker).toHaveURL(at(DEMO, "/sign-in/two-factor"));
  await replay.close();
});

test("a user enrols in two-factor from the page, then signs in with password and code", async ({ page }) => {
  await signIn(page, DEMO, E2E_USERS.enroller);
  await expect(page.getByTestId("user-name")).toHaveText("Enrolling Clerk");
  await page.getByRole("link", { name: "Two-factor" }).click();
  await page.getByRole("button", { name: "Set up two-factor authentication" }).click();
  await expect(page.getByAltText("QR code for your authenticator app")).toBeVisible();
  const secret = (await page.getByTestId("totp-secret").textContent())!.trim();

  await page.getByLabel("Enter the 6-digit code the app shows").fill("000000");
  await page.getByRole("button", { name: "Turn on" }).click();
  await expect(page.getByTestId("step-error")).toContainText("does not match");

  await page.getByLabel("Enter the 6-digit code the app shows").fill(await totpCode(secret));
  await page.getByRole("button", { name: "Turn on" }).click();
  await expect(page.getByTestId("recovery-codes").locator("li")).toHaveCount(10);
  await page.getByRole("button", { name: /I have saved these codes/ }).click();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(at(DEMO, "/sign-in"));
  await signIn(page, DEMO, E2E_USERS.enroller);
  // The enrolment used the current step; the next one is inside the accepted window.
  await enterSecondFactor(page, DEMO, await totpCode(secret, 1));
  await expect(page.getByTestId("user-name")).toHaveText("Enrolling Clerk");
});

test("a temporary password must be replaced at the first sign-in, with live reasons", async ({ page }) => {
  await signIn(page, DEMO, E2E_USERS.newcomer);
  await expect(page).toHaveURL(at(DEMO, "/account/password"));
  await expect(page.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
  await page.goto(at(DEMO, "/"));
  await expect(page).toHaveURL(at(DEMO, "/account/password"));

  await page.getByLabel("New password", { exact: true }).fill("password123");
  await expect(page.getByTestId("password-problems")).toContainText("appears in lists of commonly used passwords");
  await page.getByLabel("New password", { exact: true }).fill("mango tree by the river");
  await expect(page.getByTestId("password-problems")).toHaveCount(0);
  await page.getByLabel("New password again").fill("mango tree by the river");
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page.getByTestId("user-name")).toHaveText("Newcomer Clerk");
});
