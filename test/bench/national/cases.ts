import type postgres from "postgres";
import type { CpuPerTx } from "./cpu";
import { explain, measure, NAIVE, FAST, type Budget, type Leg, type Measured, type Measurement, type Statement } from "./measure";
import type { WalPerTx } from "./wal";
import type { User, World } from "./world";

export type Pct = "p50" | "p95" | "p99";

/** What the issue asks of a query: an absolute bound, a ratio to the floor, a speed-up over the naive peer. */
export type Target = { pct: Pct; maxMs?: number; maxRatio?: number; minNaiveSpeedup?: number };

/** One query for one user: the app's SQL (runtime role, RLS on) and its baselines. */
export type Case = {
  query: string;
  user: User;
  app: (i: number) => Statement;
  floor?: (i: number) => Statement;
  naive?: (i: number) => Statement;
  check?: (rows: readonly Record<string, unknown>[], i: number) => string | null;
  budget?: Budget;
  target?: Target;
  /** How many distinct inputs `i` cycles through; the warm-up reads each once. */
  inputs?: number;
  /** Run (untimed) after the settings in every transaction of the floor, e.g. to cache a scope. */
  floorPreamble?: Statement;
};

export type Row = {
  query: string;
  who: string;
  app: Measured & { txPerSec?: number; cpuPerTx?: CpuPerTx; walPerTx?: WalPerTx };
  floor?: Measured & { txPerSec?: number; cpuPerTx?: CpuPerTx; walPerTx?: WalPerTx };
  naive?: Measured;
  /** app / floor at the target's percentile (p95 when there is no target). */
  ratio?: number | null;
  naiveSpeedup?: number | null;
  target?: string;
  met?: boolean | null;
  /** Whether the app's first result equals the floor's (the two are meant to be the same query). */
  agrees?: boolean;
  notes: string[];
};

/**
 * `runtime`, `wide` and `local`: pools of the three runtime roles; `server`: the bench server's
 * postmaster pid when it runs on this machine (for CPU accounting), else null.
 */
export type Context = { world: World; runtime: postgres.Sql; wide: postgres.Sql; local: postgres.Sql; owner: postgres.Sql; naive: boolean; server: number | null };

/** The pool the app would run a user's request on (World's `pool`, chosen as db/runtime-pools.ts chooses). */
export const poolFor = (ctx: Context, user: User): postgres.Sql => (user.pool ? ctx[user.pool] : ctx.runtime);

export const describeTarget = (t: Target) =>
  [t.maxMs !== undefined ? `${t.pct} ≤ ${t.maxMs} ms` : "", t.maxRatio !== undefined ? `${t.pct} ≤ ${t.maxRatio}× floor` : "", t.minNaiveSpeedup !== undefined ? `≥ ${t.minNaiveSpeedup}× faster than naive` : ""]
    .filter(Boolean)
    .join(", ");

export function judge(row: Row, target: Target | undefined): Row {
  const pct = target?.pct ?? "p95";
  row.ratio = row.floor && row.floor[pct] > 0 ? Number((row.app[pct] / row.floor[pct]).toFixed(2)) : null;
  row.naiveSpeedup = row.naive && row.naive.runs > 0 && Number.isFinite(row.naive.p50) ? Number((row.naive.p50 / row.app.p50).toFixed(1)) : null;
  if (row.naive?.timedOut && row.naive.runs === 0) row.naiveSpeedup = null;
  if (!target) return row;
  row.target = describeTarget(target);
  const checks: boolean[] = [];
  if (target.maxMs !== undefined) checks.push(row.app[pct] <= target.maxMs);
  if (target.maxRatio !== undefined) checks.push(row.ratio !== null && row.ratio !== undefined && row.ratio <= target.maxRatio);
  if (target.minNaiveSpeedup !== undefined) {
    // A naive query that hit the statement timeout is at least that slow.
    const naiveMs = row.naive?.timedOut && row.naive.runs === 0 ? NAIVE_TIMEOUT_MS : row.naive?.p50;
    checks.push(naiveMs !== undefined && naiveMs / row.app.p50 >= target.minNaiveSpeedup);
    if (row.naive?.timedOut && row.naive.runs === 0) row.naiveSpeedup = Number((NAIVE_TIMEOUT_MS / row.app.p50).toFixed(1));
  }
  row.met = checks.every(Boolean) && row.app.violations.length === 0;
  return row;
}

export const NAIVE_TIMEOUT_MS = 30_000;

export async function runCase(ctx: Context, c: Case): Promise<Row> {
  const { world, owner } = ctx;
  const asUser = { sql: poolFor(ctx, c.user), tenantId: world.tenantId, userId: c.user.userId };
  const asOwner = { sql: owner, tenantId: world.tenantId, userId: c.user.userId, preamble: c.floorPreamble };
  const notes: string[] = [];
  const legs: Leg[] = [{ caller: asUser, build: c.app, check: c.check }];
  if (c.floor) legs.push({ caller: asOwner, build: c.floor });
  const [{ measured: app, firstRows: mine }, floorRun] = (await measure(legs, c.budget ?? FAST, c.inputs)) as [Measurement, Measurement?];
  const floor = floorRun?.measured;
  // i = 0 runs first in both, so their first answers must be the same rows in the same order.
  const agrees = floorRun ? JSON.stringify(mine) === JSON.stringify(floorRun.firstRows) : undefined;
  if (agrees === false) notes.push(`app and floor disagree: ${mine?.length ?? 0} rows vs ${floorRun?.firstRows?.length ?? 0}`);
  // The naive peer's policies are written for the scoped role only.
  const asNaive = { sql: ctx.runtime, tenantId: world.tenantId, userId: c.user.userId, timeoutMs: NAIVE_TIMEOUT_MS };
  const naive = ctx.naive && c.naive ? (await measure([{ caller: asNaive, build: c.naive }], NAIVE))[0]!.measured : undefined;
  if (app.error) notes.push(`error: ${app.error}`);
  if (floor?.error) notes.push(`floor error: ${floor.error}`);
  if (naive?.timedOut) notes.push(`naive hit the ${NAIVE_TIMEOUT_MS / 1000} s statement timeout after ${naive.runs} runs`);
  if (app.violations.length) notes.push(...app.violations);
  return judge({ query: c.query, who: c.user.label, app, floor, naive, agrees, notes }, c.target);
}

/** Plans of the app's and the floor's statement, for a case that missed its target. */
export async function plansOf(ctx: Context, c: Case): Promise<{ app: string; floor?: string }> {
  const asUser = { sql: poolFor(ctx, c.user), tenantId: ctx.world.tenantId, userId: c.user.userId };
  const asOwner = { sql: ctx.owner, tenantId: ctx.world.tenantId, userId: c.user.userId };
  return { app: await explain(asUser, c.app(0)), floor: c.floor ? await explain(asOwner, c.floor(0)) : undefined };
}
