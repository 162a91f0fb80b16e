import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { closeSync, existsSync, openSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type postgres from "postgres";
import { freePort } from "@/db/embedded";
import { get } from "./request";

/** Next's own CLI, run by this Node directly: one process to stop, no npx or shell in between. */
const NEXT_BIN = createRequire(import.meta.url).resolve("next/dist/bin/next");
const EXIT_WITH_PARENT = path.join(import.meta.dirname, "exit-with-parent.cjs");

export type App = { port: number; stop: () => Promise<void> };

/** A child whose output goes to the log file only: the app logs a line per procedure call. */
function spawnLogged(args: string[], env: NodeJS.ProcessEnv, logFile: string): ChildProcess {
  const fd = openSync(logFile, "a");
  try {
    return spawn(process.execPath, ["--require", EXIT_WITH_PARENT, NEXT_BIN, ...args], { stdio: ["ignore", fd, fd], env });
  } finally {
    closeSync(fd);
  }
}

/**
 * `next build`, unless BENCH_SKIP_BUILD=1 and a build exists. DATABASE_URL is blanked for the
 * build (env.ts would otherwise demand the production secrets of a server that is not starting).
 */
export async function ensureBuild(logFile: string): Promise<void> {
  if (process.env.BENCH_SKIP_BUILD === "1" && existsSync(".next/BUILD_ID")) return;
  const build = spawnLogged(["build"], { ...process.env, NEXT_TELEMETRY_DISABLED: "1", DATABASE_URL: "" }, logFile);
  const code = await new Promise<number>((resolve) => build.on("exit", (c) => resolve(c ?? 1)));
  if (code !== 0) throw new Error(`next build failed (exit ${code}); its output is in ${logFile}`);
}

/**
 * `next start` on a free port against the bench database. It listens on every interface, as in
 * the e2e runner: bound to 127.0.0.1 alone (-H), Next took the pages' rewrites (proxy.ts) for
 * external ones and proxied them to itself, and they hung up. It gets the runtime role's
 * connection only (the URL without a password, and the password apart, as env.ts wants), the
 * same role and settings the bench's own runtime pool uses: the request path never needs the
 * owner, and nothing here starts the background jobs that would. A database on this machine is
 * reached through its Unix-domain socket, as README's configuration advises for a co-located one.
 */
export async function startApp(runtime: postgres.Sql, logFile: string, socketDirectory: string | null): Promise<App> {
  // postgres.js keeps the pool's parsed settings on `options`; its types hide the password.
  const { host, port: dbPort, database, user, pass } = runtime.options as unknown as { host: string[]; port: number[]; database: string; user: string; pass: string };
  const databaseUrl = new URL(`postgres://${user}@${host[0]}:${dbPort[0]}/${database}`);
  if (socketDirectory) databaseUrl.searchParams.set("host", socketDirectory);
  const port = await freePort();
  const app = spawnLogged(["start", "-p", String(port)], {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    NODE_ENV: "production",
    APP_DOMAIN: "localhost",
    LOG_LEVEL: "info",
    DATABASE_URL: databaseUrl.toString(),
    DATABASE_APP_PASSWORD: pass,
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    CANOPY_SECRET_KEY: randomBytes(32).toString("base64url"),
  }, logFile);
  const exited = new Promise<void>((resolve) => app.on("exit", () => resolve()));
  const stop = async () => {
    if (app.exitCode !== null || app.signalCode !== null) return;
    app.kill("SIGTERM");
    const killer = setTimeout(() => app.kill("SIGKILL"), 10_000);
    await exited;
    clearTimeout(killer);
  };
  try {
    await waitUntilReady(port, app, logFile);
  } catch (error) {
    await stop();
    throw error;
  }
  return { port, stop };
}

/** Ready when the landing page (the apex host) answers 200; each try may take 2 s, all of them 60 s. */
async function waitUntilReady(port: number, app: ChildProcess, logFile: string): Promise<void> {
  const deadline = performance.now() + 60_000;
  while (performance.now() < deadline) {
    if (app.exitCode !== null || app.signalCode !== null) throw new Error(`next start exited (${app.exitCode ?? app.signalCode}); see ${logFile}`);
    const status = await get(port, "/", { host: `localhost:${port}` }, 2_000).then((r) => r.status, () => 0);
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`next start was not ready within 60 s; see ${logFile}`);
}
