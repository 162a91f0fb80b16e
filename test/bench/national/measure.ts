import type postgres from "postgres";

/**
 * One statement with its bound parameters, and what the app would send before it in the same
 * transaction to shape it (a hint), timed with it.
 */
export type Statement = { text: string; params: unknown[]; setup?: { text: string; params: unknown[] } };
/** Who runs it: a pool (runtime role or owner) and the settings a request would set. */
export type Caller = { sql: postgres.Sql; tenantId: string; userId: string | null; timeoutMs?: number; preamble?: Statement };

export type Percentiles = { runs: number; p50: number; p95: number; p99: number; max: number };
export type Measured = Percentiles & { timedOut?: boolean; error?: string; violations: string[] };
/** A measurement and the rows of its first execution (to compare the app's answer with the floor's). */
export type Measurement = { measured: Measured; firstRows: Record<string, unknown>[] | null };

/**
 * How long a statement is measured: until `maxRuns`, or until `minRuns` once `ms` is spent, and
 * never past `capMs` (a statement far slower than its budget gets what fits). A slow statement
 * needs 40 runs for its p95 to be more than its slowest run (percentiles() takes the run at
 * floor(0.95 · runs)): with five, the p95 of M's national count was one outlier.
 */
export type Budget = { warmup: number; minRuns: number; maxRuns: number; ms: number; capMs: number };
export const FAST: Budget = { warmup: 20, minRuns: 50, maxRuns: 1500, ms: 2000, capMs: 6000 };
export const SLOW: Budget = { warmup: 2, minRuns: 40, maxRuns: 200, ms: 4000, capMs: 60_000 };
export const NAIVE: Budget = { warmup: 0, minRuns: 1, maxRuns: 5, ms: 5000, capMs: 15_000 };
/** No statement of the suite may run longer than this (a query that does is reported, not waited for). */
export const STATEMENT_TIMEOUT_MS = 60_000;

export function percentiles(samples: number[]): Percentiles {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN);
  return { runs: sorted.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: round(sorted.at(-1) ?? NaN) };
}

export const round = (ms: number) => Number(ms.toFixed(3));

/** One series of a measurement: who runs which statement, and how its answers are checked. */
export type Leg = {
  caller: Caller;
  build: (i: number) => Statement;
  /** Returns a complaint when a result is wrong (e.g. an out-of-scope read that returned rows). */
  check?: (rows: readonly Record<string, unknown>[], i: number) => string | null;
};

/**
 * Runs each leg's `build(i)` the way a request does — one transaction bound with app_bind(tenant,
 * user) from bound parameters (as withTenant does), then the statement as a prepared statement
 * (as the app's pools send every statement, db/prepared-statements.ts) — and times the statement
 * alone, from send to last row, so BEGIN, the binding and COMMIT do not dilute the comparison with
 * the floor (the binding's own cost is measured as a case of its own).
 *
 * Legs take turns in blocks of BLOCK runs over the same inputs, the first leg going first in even
 * blocks and last in odd ones, so the app and its floor share the moments of a busy machine: run
 * one after the other, the first paid every read from disk on a database larger than memory and
 * the second found the pages warm. Blocks, not single runs, because switching process at every
 * statement left each one starting on caches the other had just filled. The warm-up covers
 * `inputs` (the number of distinct inputs) once, for the warm cache the targets assume.
 */
const BLOCK = 25;

export async function measure(legs: Leg[], budget: Budget, inputs = 0): Promise<Measurement[]> {
  const series = legs.map((leg) => ({
    leg,
    samples: [] as number[],
    violations: new Set<string>(),
    firstRows: null as Record<string, unknown>[] | null,
    spent: 0,
    done: false,
    failure: undefined as string | undefined,
  }));
  const warmup = Math.max(budget.warmup, inputs);
  for (let block = 0; series.some((s) => !s.done); block++) {
    const turn = block % 2 === 0 ? series : [...series].reverse();
    for (const s of turn) {
      for (let i = block * BLOCK; i < (block + 1) * BLOCK && !s.done; i++) await runOnce(s, i);
    }
  }
  async function runOnce(s: (typeof series)[number], i: number) {
    // Warm-up runs stop early for a slow statement; a statement slower than the budget allows
    // gets a few samples rather than holding the whole run hostage.
    const timed = i >= warmup || s.spent > budget.ms / 4;
    const runs = s.samples.length;
    if (timed && (runs >= budget.maxRuns || (runs >= budget.minRuns && s.spent > budget.ms) || (runs >= 3 && s.spent > budget.capMs))) {
      s.done = true;
      return;
    }
    const started = performance.now();
    try {
      const { ms, rows } = await once(s.leg.caller, s.leg.build(i));
      s.firstRows ??= rows;
      if (timed) s.samples.push(ms);
      const complaint = s.leg.check?.(rows, i);
      if (complaint) s.violations.add(complaint);
    } catch (error) {
      s.failure = error instanceof Error ? error.message : String(error);
      s.done = true;
    }
    s.spent += performance.now() - started;
  }
  return series.map((s) => {
    const violations = [...s.violations];
    if (s.failure === undefined) return { measured: { ...percentiles(s.samples), violations }, firstRows: s.firstRows };
    const timedOut = /statement timeout/.test(s.failure);
    const measured = { ...percentiles(s.samples.length ? s.samples : [NaN]), runs: s.samples.length, violations, timedOut, error: timedOut ? undefined : s.failure };
    return { measured, firstRows: s.firstRows };
  });
}

/** One request-like transaction around one statement; the statement's own time. */
export async function once(caller: Caller, statement: Statement): Promise<{ ms: number; rows: Record<string, unknown>[] }> {
  let ms = NaN;
  let rows: Record<string, unknown>[] = [];
  await caller.sql.begin(async (tx) => {
    await tx`select app_bind(${caller.tenantId}::uuid, ${caller.userId}::uuid)`;
    await tx.unsafe(`set local statement_timeout = ${caller.timeoutMs ?? STATEMENT_TIMEOUT_MS}`);
    if (caller.preamble) await tx.unsafe(caller.preamble.text, caller.preamble.params as postgres.ParameterOrJSON<never>[]);
    const start = performance.now();
    if (statement.setup) await tx.unsafe(statement.setup.text, statement.setup.params as postgres.ParameterOrJSON<never>[], { prepare: true });
    rows = await tx.unsafe(statement.text, statement.params as postgres.ParameterOrJSON<never>[], { prepare: true });
    ms = performance.now() - start;
  });
  return { ms, rows };
}

/** EXPLAIN (ANALYZE, BUFFERS) of a statement as `caller`, for the report's evidence. */
export async function explain(caller: Caller, statement: Statement): Promise<string> {
  let plan = "";
  await caller.sql.begin(async (tx) => {
    await tx`select app_bind(${caller.tenantId}::uuid, ${caller.userId}::uuid)`;
    await tx.unsafe(`set local statement_timeout = ${caller.timeoutMs ?? 60_000}`);
    if (statement.setup) await tx.unsafe(statement.setup.text, statement.setup.params as postgres.ParameterOrJSON<never>[]);
    const rows = await tx.unsafe(`explain (analyze, buffers, costs) ${statement.text}`, statement.params as postgres.ParameterOrJSON<never>[]);
    plan = rows.map((r) => (r as Record<string, string>)["QUERY PLAN"]).join("\n");
  });
  return plan;
}
