import type { Database } from "@/db/client";
import { plansOf, runCase, type Case, type Context, type Row } from "./cases";
import { httpRows } from "./http/rows";
import { breakGlassRows } from "./queries/break-glass";
import { captureRows, verifyChain } from "./queries/capture";
import { handlerCaptureRows } from "./queries/capture-handlers";
import { oneRoundTripCaptureRows } from "./queries/capture-one-round-trip";
import { countCases } from "./queries/counts";
import { latestEventsCases } from "./queries/latest-events";
import { moveRows } from "./queries/move";
import { pointReadCases } from "./queries/point-read";
import { perRequestCases } from "./queries/scope-units";
import { searchCases } from "./queries/search";

/** Suites of cases measured against a floor (and a naive peer), in the order they run: reads first. */
const CASE_SUITES: Record<string, (ctx: Context) => Promise<Case[]>> = {
  "point-read": pointReadCases,
  "latest-events": latestEventsCases,
  search: searchCases,
  counts: async (ctx) => [...(await countCases(ctx)), ...perRequestCases(ctx)],
};

/** Suites that measure themselves: reads through the HTTP API, then break the glass, writes (capture) and last the tree move. */
const ROW_SUITES = (app: Database): Record<string, (ctx: Context) => Promise<Row[]>> => ({
  http: (ctx) => httpRows(ctx, app),
  "break-glass": breakGlassRows,
  capture: async (ctx) =>
    verifyChain(ctx, [...(await captureRows(ctx)), ...(await oneRoundTripCaptureRows(ctx)), ...(await handlerCaptureRows(ctx, app))]),
  move: moveRows,
});

export const SUITE_NAMES = [...Object.keys(CASE_SUITES), "http", "break-glass", "capture", "move"];

export type Outcome = { rows: Row[]; plans: { title: string; app: string; floor?: string }[] };

/**
 * Runs the wanted suites; for the first two users of each query that missed its target, it
 * also keeps EXPLAIN ANALYZE of the app's and the floor's statement as evidence.
 */
export async function runSuites(ctx: Context, app: Database, wanted: (name: string) => boolean, log: (m: string) => void): Promise<Outcome> {
  const rows: Row[] = [];
  const missed: Case[] = [];
  const report = (row: Row) => {
    const tps = row.app.txPerSec !== undefined ? `, ${row.app.txPerSec} tx/s` : "";
    log(`${row.query} / ${row.who}: app p50 ${row.app.p50} p95 ${row.app.p95} p99 ${row.app.p99} ms${tps}, floor p95 ${row.floor?.p95 ?? "-"}${row.met === false ? "  MISSED" : ""}`);
    rows.push(row);
  };
  for (const [name, suite] of Object.entries(CASE_SUITES)) {
    if (!wanted(name)) continue;
    for (const c of await suite(ctx)) {
      const row = await runCase(ctx, c);
      report(row);
      if (row.met === false) missed.push(c);
    }
  }
  for (const [name, suite] of Object.entries(ROW_SUITES(app))) {
    if (!wanted(name)) continue;
    log(`${name}…`);
    for (const row of await suite(ctx)) report(row);
  }
  const plans: Outcome["plans"] = [];
  const perQuery = new Map<string, number>();
  for (const c of missed) {
    const seen = perQuery.get(c.query) ?? 0;
    perQuery.set(c.query, seen + 1);
    if (seen < 2) plans.push({ title: `${c.query} / ${c.user.label}`, ...(await plansOf(ctx, c)) });
  }
  return { rows, plans };
}
