import { defineConfig } from "@playwright/test";

/**
 * Browser tests in Debian's Chromium (CHROMIUM_PATH); Playwright never downloads a browser here.
 * `npm run test:e2e` (test/e2e/run.ts) builds and starts the app on E2E_PORT with its own database.
 */
export default defineConfig({
  testDir: "test/e2e",
  testMatch: "**/*.spec.ts",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 30_000,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL: `http://demo.localhost:${process.env.E2E_PORT ?? 3000}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [{ name: "chromium" }],
});
