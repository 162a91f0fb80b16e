import { expect, test } from "@playwright/test";
import { at, completeSecondFactor, DEMO_TOTP_SECRET, signIn } from "./helpers";

const DEMO = "demo.localhost";

test("a burst of failed sign-ins is flagged, notified to the admin and listed on the Security page", async ({ page, browser }) => {
  test.setTimeout(90_000);
  // A fresh address per run, so a retry does not count the previous run's attempts.
  const target = `no-such-person-${Date.now()}@demo.test`;
  const attacker = await browser.newContext();
  const attackerPage = await attacker.newPage();
  for (let i = 0; i < 5; i++) {
    await signIn(attackerPage, DEMO, target, `guess number ${i}`);
    // Wait for the answer: navigating away at once could cancel the attempt in flight.
    await expect(attackerPage.getByTestId("sign-in-error")).toHaveText("Incorrect email or password.");
  }
  await attacker.close();

  await signIn(page, DEMO, "admin@demo.test");
  await completeSecondFactor(page, DEMO, DEMO_TOTP_SECRET);
  await expect(page.getByTestId("notification-bell")).toContainText(/Notifications\s*\d+/);
  await page.getByTestId("notification-bell").click();
  await expect(page.getByTestId("notifications")).toContainText(`Repeated failed sign-ins for ${target}`);
  await page.getByRole("button", { name: "Mark all as read" }).click();
  await expect(page.getByRole("button", { name: "Mark all as read" })).toHaveCount(0);

  await page.getByRole("link", { name: "Security" }).click();
  await expect(page).toHaveURL(at(DEMO, "/admin/security"));
  await expect(page.getByTestId("flags")).toContainText("Burst of failed sign-ins on one account");
  await page.getByLabel("Email", { exact: true }).fill(target);
  await page.getByLabel("Outcome").selectOption("failure");
  await expect(page.getByTestId("attempts").locator("tbody tr")).toHaveCount(5);
  await expect(page.getByTestId("attempts")).toContainText("unknown email");
});

test("a tenant admin changes the security settings", async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page, DEMO, "admin@demo.test");
  await completeSecondFactor(page, DEMO, DEMO_TOTP_SECRET);
  await page.goto(at(DEMO, "/admin/security"));
  const form = page.getByRole("form", { name: "Security settings" });
  await form.getByLabel("End after idle (minutes)").fill("3");
  await form.getByRole("button", { name: "Save settings" }).click();
  await expect(form.getByRole("alert")).toContainText("At least 5 minutes.");
  await form.getByLabel("End after idle (minutes)").fill("45");
  await form.getByRole("button", { name: "Save settings" }).click();
  await expect(form.getByRole("status")).toContainText("Saved.");
  await page.reload();
  await expect(page.getByRole("form", { name: "Security settings" }).getByLabel("End after idle (minutes)")).toHaveValue("45");
});
