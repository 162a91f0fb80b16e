import type postgres from "postgres";

/** One statement with its bound parameters. */
export type Statement = { text: string; params: unknown[] };
/** Who runs it: a pool (runtime role or owner) and the settings a request would set. */
export type Caller = { sql: postgres.Sql; tenantId: string; userId: string | null; timeoutMs?: number; preamble?: Statement };

export type Percentiles = { runs: number; p50: number; p95: number; p99: number; max: number };
export type Measured = Percentiles & { timedOut?: boolean; error?: string; violations: string[] };
/** A measurement and the rows of its first execution (to compare the app's answer with the floor's). */
export type Measurement = { measured: Measured; firstRows: Record<string, unknown>[] | null };

export type Budget = { warmup: number; minRuns: number; maxRuns: number; ms: number };
export const FAST: Budget = { warmup: 20, minRuns: 50, maxRuns: 1500, ms: 2000 };
export const SLOW: Budget = { warmup: 2, minRuns: 5, maxRuns: 200, ms: 4000 };
export const NAIVE: Budget = { warmup: 0, minRuns: 1, maxRuns: 5, ms: 8000 };
/** No statement of the suite may run longer than this (a query that does is reported, not waited for). */
export const STATEMENT_TIMEOUT_MS = 60_000;

export function percentiles(samples: number[]): Percentiles {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN);
  return { runs: sorted.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: round(sorted.at(-1) ?? NaN) };
}

export const round = (ms: number) => Number(ms.toFixed(3));

/**
 * Runs `build(i)` the way a request does — one transaction bound with app_bind(tenant, user) from
 * bound parameters (as withTenant does), then the statement as a prepared statement (as the
 * app's pools send every statement, db/prepared-statements.ts) — and times the statement alone,
 * from send to last row, so BEGIN, the binding and COMMIT do not dilute the comparison with the
 * floor (the binding's own cost is measured as a case of its own). `check` returns a complaint
 * when a result is wrong (e.g. an out-of-scope read that returned rows).
 */
export async function measure(
  caller: Caller,
  build: (i: number) => Statement,
  budget: Budget,
  check?: (rows: readonly Record<string, unknown>[], i: number) => string | null,
): Promise<Measurement> {
  const samples: number[] = [];
  const violations = new Set<string>();
  let firstRows: Record<string, unknown>[] | null = null;
  const started = performance.now();
  const total = () => performance.now() - started;
  try {
    for (let i = 0; ; i++) {
      // Warm-up runs stop early for a slow statement; a statement slower than the budget allows
      // gets a few samples rather than holding the whole run hostage.
      const timed = i >= budget.warmup || total() > budget.ms / 4;
      const runs = samples.length;
      if (timed && (runs >= budget.maxRuns || (runs >= budget.minRuns && total() > budget.ms) || (runs >= 3 && total() > 3 * budget.ms))) break;
      const { ms, rows } = await once(caller, build(i));
      firstRows ??= rows;
      if (timed) samples.push(ms);
      const complaint = check?.(rows, i);
      if (complaint) violations.add(complaint);
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const timedOut = /statement timeout/.test(message);
    const measured = { ...percentiles(samples.length ? samples : [NaN]), runs: samples.length, violations: [...violations], timedOut, error: timedOut ? undefined : message };
    return { measured, firstRows };
  }
  return { measured: { ...percentiles(samples), violations: [...violations] }, firstRows };
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
    const rows = await tx.unsafe(`explain (analyze, buffers, costs) ${statement.text}`, statement.params as postgres.ParameterOrJSON<never>[]);
    plan = rows.map((r) => (r as Record<string, string>)["QUERY PLAN"]).join("\n");
  });
  return plan;
}
