import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Database } from "@/db/client";
import { BENCH_SLUG } from "../fixtures";
import type { Context, Row } from "../cases";
import { percentiles } from "../measure";
import { apiCases, type ApiCase } from "./cases";
import { fire, type LoadResult } from "./load";
import { get } from "./request";
import { ensureBuild, startApp } from "./server";
import { openSession } from "./sessions";

/** Issue 7: "API at 50 concurrent connections: p95 ≤ 50 ms, p99 ≤ 150 ms for the point read and the search". */
const CONNECTIONS = 50;
const TARGET = { p95: 50, p99: 150 };
const TARGET_TEXT = `p95 ≤ ${TARGET.p95} ms, p99 ≤ ${TARGET.p99} ms`;
/** Short enough for S's whole run to stay under the issue's 10 minutes; 8 s is still 800+ answers per row. */
const WARMUP_SECONDS = 2;
const SECONDS = 8;
const PERSONAS = ["clinic", "district", "national"];
/** Answers checked before each load, outside the timing. */
const CHECKED = 5;

const say = (message: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] http: ${message}`);

/**
 * The main reads through the real stack — the production build under `next start`, the tRPC
 * HTTP handler, next-auth's session lookup, the procedure's transaction and its audit row — at
 * a fixed number of concurrent connections, per persona. The app's logs go to a file. A failure
 * (a build that breaks, an app that does not start) becomes a row that misses its target, as
 * measure.ts does with a failing statement, so a full run keeps the other suites' figures.
 */
export async function httpRows(ctx: Context, app: Database): Promise<Row[]> {
  const logFile = path.resolve(".data", `bench-${ctx.world.spec.size}`, "http-app.log");
  mkdirSync(path.dirname(logFile), { recursive: true });
  writeFileSync(logFile, "");
  say(`building and starting the app (output in ${logFile})`);
  const rows: Row[] = [];
  try {
    await ensureBuild(logFile);
    const server = await startApp(ctx.runtime, logFile, ctx.server === null ? null : await socketDirectoryOf(ctx.owner));
    try {
      for (const key of PERSONAS) rows.push(...(await personaRows(ctx, app, server.port, key)));
    } finally {
      await server.stop();
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const failed = { ...percentiles([]), violations: [], error: message };
    rows.push({ query: `API (${CONNECTIONS} conn)`, who: "-", app: failed, target: TARGET_TEXT, met: false, notes: [`error: ${message}`] });
  }
  return rows;
}

/** The first directory where the server listens on a Unix-domain socket, or null when it does not. */
async function socketDirectoryOf(owner: Context["owner"]): Promise<string | null> {
  const [row] = await owner<{ directories: string }[]>`select current_setting('unix_socket_directories') as directories`;
  const first = row?.directories.split(",")[0]?.trim() ?? "";
  return first.startsWith("/") ? first : null;
}

async function personaRows(ctx: Context, app: Database, port: number, key: string): Promise<Row[]> {
  const user = ctx.world.users[key]!;
  const session = await openSession(app, ctx.world.tenantId, user.userId);
  try {
    const headers = { host: `${BENCH_SLUG}.localhost:${port}`, cookie: session.cookie };
    const rows: Row[] = [];
    for (const c of await apiCases(ctx, user)) {
      const complaints = await checkAnswers(port, headers, c);
      const load = { port, headers, connections: CONNECTIONS, path: c.path };
      const warmUp = await drained(fire({ ...load, seconds: WARMUP_SECONDS }));
      const result = await drained(fire({ ...load, seconds: SECONDS }));
      rows.push(toRow(`${c.name} (${CONNECTIONS} conn)`, user.label, result, [...complaints, ...problems(warmUp, "warm-up: ")]));
    }
    return rows;
  } finally {
    await session.close();
  }
}

/**
 * autocannon stops at the deadline without waiting for the requests in flight, which the app
 * still serves: give them the longest answer time seen to finish, so they neither load the next
 * run nor find their session already ended.
 */
async function drained(run: Promise<LoadResult>): Promise<LoadResult> {
  const result = await run;
  const longest = result.latencies.reduce((max, ms) => Math.max(max, ms), 0);
  await new Promise((resolve) => setTimeout(resolve, Math.min(10_000, longest + 500)));
  return result;
}

/** The first answers, one at a time: HTTP 200 and the right content (load runs only count statuses). */
async function checkAnswers(port: number, headers: Record<string, string>, c: ApiCase): Promise<string[]> {
  const complaints = new Set<string>();
  for (let i = 0; i < CHECKED; i++) {
    const { status, body } = await get(port, c.path(i), headers);
    if (status !== 200) {
      complaints.add(`HTTP ${status} before the load: ${body.slice(0, 200)}`);
      continue;
    }
    const complaint = c.check((JSON.parse(body) as { result: { data: unknown } }).result.data, i);
    if (complaint) complaints.add(complaint);
  }
  return [...complaints];
}

/** Non-2xx answers and requests without an answer. */
function problems(result: LoadResult, prefix = ""): string[] {
  const non2xx = Object.entries(result.non2xx);
  return [
    ...(non2xx.length ? [`${prefix}non-2xx answers: ${non2xx.map(([code, n]) => `${n} × ${code}`).join(", ")}`] : []),
    ...(result.errors ? [`${prefix}${result.errors} requests without an answer (${result.timeouts} timed out)`] : []),
  ];
}

/** Any non-2xx answer, request without an answer or wrong answer is a violation: the target is then not met. */
function toRow(query: string, who: string, result: LoadResult, complaints: string[]): Row {
  const violations = [...complaints, ...problems(result)];
  const measured = { ...percentiles(result.latencies), txPerSec: Math.round(result.requestsPerSecond), violations };
  const failed = Object.values(result.non2xx).reduce((sum, n) => sum + n, 0);
  return {
    query,
    who,
    app: measured,
    target: TARGET_TEXT,
    met: measured.p95 <= TARGET.p95 && measured.p99 <= TARGET.p99 && violations.length === 0,
    notes: [
      `${measured.txPerSec} req/s over ${SECONDS} s after a ${WARMUP_SECONDS} s warm-up, ${failed} non-2xx, ${result.errors} errors`,
      ...violations,
    ],
  };
}
