import { expect, type Page } from "@playwright/test";
import { createGuardrails, generate } from "otplib";

export const DEMO_PASSWORD = process.env.DEMO_PASSWORD ?? "canopy-demo-2024!";
export const port = () => process.env.E2E_PORT ?? "3000";
export const at = (host: string, pathname = "/") => `http://${host}:${port()}${pathname}`;
export const SESSION_COOKIE = "next-auth.session-token";

export async function signIn(page: Page, host: string, email: string, password = DEMO_PASSWORD) {
  await page.goto(at(host, "/sign-in"));
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function expectSignedInHome(page: Page, name: string, tenantName: string) {
  await expect(page.getByTestId("user-name")).toHaveText(name);
  await expect(page.getByTestId("tenant-name")).toHaveText(tenantName);
}

/** The status of a same-origin request made by the page itself, with the page's cookies. */
export function apiStatus(page: Page, pathname: string): Promise<number> {
  return page.evaluate(async (url) => (await fetch(url)).status, pathname);
}

export const DEMO_TOTP_SECRET = process.env.DEMO_TOTP_SECRET ?? "JBSWY3DPEHPK3PXP";

/** The code an authenticator app would show `stepsAhead` 30-second steps from now. */
export function totpCode(secret: string, stepsAhead = 0): Promise<string> {
  return generate({
    secret,
    epoch: Math.floor(Date.now() / 1000) + stepsAhead * 30,
    guardrails: createGuardrails({ MIN_SECRET_BYTES: 10 }),
  });
}

export async function enterSecondFactor(page: Page, host: string, code: string) {
  await expect(page).toHaveURL(at(host, "/sign-in/two-factor"));
  await page.getByLabel("Code").fill(code);
  await page.getByRole("button", { name: "Verify" }).click();
}

/**
 * Completes the code step like a person with the app would. A code is accepted once, so if an
 * earlier test already used the current step's code for this account, wait for the next step.
 */
export async function completeSecondFactor(page: Page, host: string, secret: string): Promise<string> {
  const code = await totpCode(secret);
  await enterSecondFactor(page, host, code);
  const refused = page.getByTestId("step-error");
  const signedIn = page.getByTestId("user-name");
  await expect(refused.or(signedIn)).toBeVisible();
  if (await signedIn.isVisible()) return code;
  const secondsIntoStep = Math.floor(Date.now() / 1000) % 30;
  await page.waitForTimeout((30 - secondsIntoStep + 1) * 1000);
  const next = await totpCode(secret);
  await page.getByLabel("Code").fill(next);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(signedIn).toBeVisible();
  return next;
}
