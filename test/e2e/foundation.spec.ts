import { expect, test } from "@playwright/test";
import { apiStatus, at, expectSignedInHome, SESSION_COOKIE, signIn } from "./helpers";

const DEMO = "demo.localhost";
const ACME = "acme.localhost";
const DEMO_NAME = "Sierra Leone Ministry of Health (demo)";

test("signs in at demo.localhost and shows the tenant home", async ({ page }) => {
  const signInPage = await page.goto(at(DEMO, "/sign-in"));
  expect(signInPage?.headers()["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[0-9a-f]{32}' 'strict-dynamic'/);
  await signIn(page, DEMO, "district@demo.test");
  await expect(page).toHaveURL(at(DEMO, "/"));
  await expectSignedInHome(page, "Mohamed Bangura", DEMO_NAME);
  await expect(page.getByRole("heading", { name: "Welcome, Mohamed Bangura" })).toBeVisible();
});

test("browses the user's own part of the org-unit tree one level at a time", async ({ page }) => {
  await signIn(page, DEMO, "district@demo.test");
  const tree = page.getByRole("tree", { name: "Organisation units" });
  await expect(tree.getByRole("button", { name: /^Bo \d+$/ })).toBeVisible();
  await expect(tree).not.toContainText("Sierra Leone");
  await tree.getByRole("button", { name: /^Bo \d+$/ }).click();
  await expect(tree.getByRole("button", { name: /Badjia/ })).toBeVisible();
});

test("gives one generic message for a wrong password and an unknown email", async ({ page }) => {
  await signIn(page, DEMO, "admin@demo.test", "not the password");
  await expect(page.getByTestId("sign-in-error")).toHaveText("Incorrect email or password.");
  await signIn(page, DEMO, "nobody@demo.test", "not the password");
  await expect(page.getByTestId("sign-in-error")).toHaveText("Incorrect email or password.");
  await expect(page).toHaveURL(at(DEMO, "/sign-in"));
});

test("after sign-out the old cookie no longer works", async ({ page, browser }) => {
  await signIn(page, DEMO, "nurse@demo.test");
  await expectSignedInHome(page, "Fatmata Kamara", DEMO_NAME);
  const oldCookies = await page.context().cookies();
  expect(oldCookies.some((cookie) => cookie.name === SESSION_COOKIE)).toBe(true);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(at(DEMO, "/sign-in"));

  const replay = await browser.newContext();
  await replay.addCookies(oldCookies);
  const replayPage = await replay.newPage();
  await replayPage.goto(at(DEMO, "/"));
  await expect(replayPage).toHaveURL(at(DEMO, "/sign-in"));
  expect(await apiStatus(replayPage, "/api/trpc/viewer.me")).toBe(401);
  await replay.close();
});

test("admin@acme.test cannot sign in at demo", async ({ page }) => {
  await signIn(page, DEMO, "admin@acme.test");
  await expect(page.getByTestId("sign-in-error")).toHaveText("Incorrect email or password.");
});

test("a demo session cookie sent to acme.localhost is not a session", async ({ page, browser }) => {
  await signIn(page, DEMO, "district@demo.test");
  await expectSignedInHome(page, "Mohamed Bangura", DEMO_NAME);
  const session = (await page.context().cookies()).find((cookie) => cookie.name === SESSION_COOKIE)!;

  const attacker = await browser.newContext();
  await attacker.addCookies([{ ...session, domain: ACME }]);
  const attackerPage = await attacker.newPage();
  await attackerPage.goto(at(ACME, "/"));
  await expect(attackerPage).toHaveURL(at(ACME, "/sign-in"));
  await expect(attackerPage.getByText("Acme Clinics (demo)")).toBeVisible();
  expect(await apiStatus(attackerPage, "/api/trpc/viewer.me")).toBe(401);
  await attacker.close();
});

test("acme's admin must enrol in two-factor first (default policy) and can do nothing else meanwhile", async ({ page }) => {
  await signIn(page, ACME, "admin@acme.test");
  await expect(page).toHaveURL(at(ACME, "/account/two-factor"));
  await expect(page.getByText("Your organisation requires two-factor authentication")).toBeVisible();
  for (const path of ["/", "/sessions"]) {
    await page.goto(at(ACME, path));
    await expect(page).toHaveURL(at(ACME, "/account/two-factor"));
  }
  expect(await apiStatus(page, "/api/trpc/viewer.me")).toBe(401);
});

test("an unknown subdomain gets a 404 page that reveals nothing", async ({ page }) => {
  for (const host of ["nope.localhost", "www.localhost"]) {
    const response = await page.goto(at(host, "/"));
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  }
});

test("the apex asks for the organisation's address and lists no tenants", async ({ page }) => {
  await page.goto(at("localhost", "/"));
  await expect(page.getByLabel("Your organisation's address")).toBeVisible();
  await expect(page.locator("body")).not.toContainText("Sierra Leone");
  await expect(page.locator("body")).not.toContainText("Acme");
  await page.getByLabel("Your organisation's address").fill("demo");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(at(DEMO, "/sign-in"));
});
