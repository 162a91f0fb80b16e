import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { connect } from "@/db/client";
import { ensureDatabase, freePort, startEmbeddedPostgres } from "@/db/embedded";
import { migrateDatabase } from "@/db/migrator";
import { seedDemo } from "@/db/seed/demo";
import { withDatabaseName } from "@/db/urls";
import { env } from "@/server/env";
import { seedE2eUsers } from "../fixtures/e2e-users";
import { findLeaks, useFreshSessionToken } from "./leak-scan";

/**
 * `npm run test:e2e`: builds the app, gives it a database of its own (a fresh database on
 * DATABASE_URL's server, or a throwaway embedded PostgreSQL), seeds the demo, starts it on a free
 * port and runs Playwright against it; then the app's logs and stored audit rows must hold no
 * demo password, TOTP secret or session token. Everything it started is stopped again.
 */
const cleanups: (() => Promise<void> | void)[] = [];

function run(command: string, args: string[], extraEnv: Record<string, string> = {}): Promise<number> {
  const child = spawn(command, args, { stdio: "inherit", env: { ...process.env, ...extraEnv } });
  return new Promise((resolve) => child.on("exit", (code) => resolve(code ?? 1)));
}

async function openE2eDatabase(): Promise<string> {
  const name = `canopy_e2e_${randomBytes(4).toString("hex")}`;
  if (env.DATABASE_URL) {
    await ensureDatabase(env.DATABASE_URL, name);
    cleanups.push(async () => {
      const client = postgres(env.DATABASE_URL!, { max: 1, onnotice: () => {} });
      await client`drop database if exists ${client(name)} with (force)`;
      await client.end();
    });
    return withDatabaseName(env.DATABASE_URL, name);
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), "canopy-e2e-pg-"));
  chmodSync(dir, 0o755);
  const server = await startEmbeddedPostgres({
    dataDir: path.join(dir, "data"),
    port: await freePort(),
    password: randomBytes(18).toString("base64url"),
  });
  cleanups.push(async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  await ensureDatabase(server.ownerUrl("postgres"), name);
  return server.ownerUrl(name);
}

async function waitForApp(port: number, app: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 120; attempt++) {
    if (app.exitCode !== null) throw new Error("The app exited before it was ready.");
    try {
      const response = await fetch(`http://localhost:${port}/`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("The app did not become ready within 60 s.");
}

async function main(): Promise<number> {
  const telemetry = { NEXT_TELEMETRY_DISABLED: "1" };
  if (process.env.E2E_SKIP_BUILD !== "1") {
    const built = await run("npx", ["next", "build"], telemetry);
    if (built !== 0) return built;
  }

  const ownerUrl = await openE2eDatabase();
  const appPassword = randomBytes(18).toString("base64url");
  const secretKey = randomBytes(32).toString("base64url");
  await migrateDatabase(ownerUrl, appPassword);
  const seeded = connect(ownerUrl, { max: 1 });
  await seedDemo(seeded.db, { password: env.DEMO_PASSWORD, totpSecret: env.DEMO_TOTP_SECRET, secretKey })
    .then(() => seedE2eUsers(seeded.db, env.DEMO_PASSWORD))
    .finally(seeded.close);

  const port = await freePort();
  const app = spawn("npx", ["next", "start", "-p", String(port)], {
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      ...telemetry,
      NODE_ENV: "production",
      DATABASE_URL: ownerUrl,
      DATABASE_APP_PASSWORD: appPassword,
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      CANOPY_SECRET_KEY: secretKey,
    },
    detached: true,
  });
  cleanups.unshift(() => {
    if (app.pid && app.exitCode === null) process.kill(-app.pid, "SIGTERM");
  });
  // The app's output is shown as usual and kept, to be searched for secrets afterwards.
  const logs: string[] = [];
  app.stdout!.on("data", (chunk: Buffer) => (logs.push(chunk.toString()), process.stdout.write(chunk)));
  app.stderr!.on("data", (chunk: Buffer) => (logs.push(chunk.toString()), process.stderr.write(chunk)));
  await waitForApp(port, app);
  const tested = await run("npx", ["playwright", "test", ...process.argv.slice(2)], { E2E_PORT: String(port) });
  const sessionToken = await useFreshSessionToken(ownerUrl, port);
  const leaks = await findLeaks(ownerUrl, logs.join(""), {
    "demo password": env.DEMO_PASSWORD,
    "demo TOTP secret": env.DEMO_TOTP_SECRET,
    "session token": sessionToken,
  });
  for (const leak of leaks) console.error(`Secret leak: ${leak}.`);
  return tested !== 0 ? tested : leaks.length ? 1 : 0;
}

let exitCode = 1;
try {
  exitCode = await main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
} finally {
  for (const cleanup of cleanups) await Promise.resolve(cleanup()).catch(() => undefined);
}
process.exit(exitCode);
