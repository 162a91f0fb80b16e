import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Row } from "./cases";

const RESULTS = path.join(import.meta.dirname, "..", "results");

const fmt = (n: number | undefined | null) => (n === undefined || n === null || Number.isNaN(n) ? "" : n < 10 ? n.toFixed(2) : n.toFixed(n < 100 ? 1 : 0));

/** The table of issue 7: each figure beside the floor, the ratio, the naive peer and the target. */
export function printTable(rows: Row[]): void {
  console.table(
    rows.map((r) => ({
      query: r.query,
      who: r.who,
      "app p50": fmt(r.app.p50),
      "app p95": fmt(r.app.p95),
      "app p99": fmt(r.app.p99),
      "floor p50": fmt(r.floor?.p50),
      "floor p95": fmt(r.floor?.p95),
      "floor p99": fmt(r.floor?.p99),
      "×floor": fmt(r.ratio),
      "tx/s": r.app.txPerSec !== undefined ? `${fmt(r.app.txPerSec)}${r.floor?.txPerSec !== undefined ? ` (floor ${fmt(r.floor.txPerSec)})` : ""}` : "",
      "naive p50": r.naive ? (r.naive.runs ? fmt(r.naive.p50) : "timeout") : "",
      "naive/app": fmt(r.naiveSpeedup),
      target: r.target ?? "",
      met: r.met === undefined || r.met === null ? "" : r.met ? "yes" : "NO",
    })),
  );
  for (const r of rows.filter((r) => r.notes.length || r.agrees === false)) console.log(`  ${r.query} / ${r.who}: ${r.notes.join("; ")}`);
}

export type Run = {
  at: string;
  machine: string;
  loadAverage: { before: number[]; after: number[] };
  size: string;
  database: string;
  generation: { reused: boolean; seconds: number; steps: Record<string, number> };
  counts: Record<string, number>;
  seconds: number;
  rows: Row[];
};

/** Appends the run to results/<size>.json, keeping earlier runs for comparison. */
export function saveRun(size: string, run: Run): string {
  mkdirSync(RESULTS, { recursive: true });
  const file = path.join(RESULTS, `${size}.json`);
  const earlier = existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as { runs: Run[] }).runs : [];
  writeFileSync(file, JSON.stringify({ runs: [...earlier, run] }, null, 2) + "\n");
  return file;
}

/**
 * EXPLAIN ANALYZE of what missed its target, overwritten by the next run of the same suites:
 * results/<size>-plans.txt for a full run, results/<size>-plans-<suites>.txt for an --only run.
 */
export function savePlans(size: string, suites: string[] | null, plans: { title: string; app: string; floor?: string }[]): string {
  const file = path.join(RESULTS, `${size}-plans${suites ? `-${suites.join("+")}` : ""}.txt`);
  const text = plans
    .map((p) => `=== ${p.title}\n--- app (runtime role, RLS on)\n${p.app}\n${p.floor ? `--- floor (owner, literal scope)\n${p.floor}\n` : ""}`)
    .join("\n");
  writeFileSync(file, text);
  return file;
}

export const machine = () => `${os.cpus().length} cores (${os.cpus()[0]?.model ?? "?"}), ${Math.round(os.totalmem() / 2 ** 30)} GiB`;
