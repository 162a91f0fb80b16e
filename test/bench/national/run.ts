import os from "node:os";
import postgres from "postgres";
import { connect } from "@/db/client";
import { LOCAL_RUNTIME_ROLE, runtimeUrl, WIDE_RUNTIME_ROLE } from "@/db/urls";
import type { Context } from "./cases";
import { localServerOf } from "./cpu";
import { openBenchDatabase } from "./database";
import { ensureBenchTenant } from "./generate";
import { machine, printTable, saveRun, savePlans } from "./report";
import { SIZES, type Size } from "./sizes";
import { runSuites, SUITE_NAMES } from "./suites";
import { tableCounts, warm } from "./warm";
import { loadWorld } from "./world";

export type NationalOptions = { size: Size; fresh: boolean; only: string[] | null; naive: boolean };

const log = (message: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);

/** `npm run bench -- --size S|M`: generate (or reuse) the tenant, measure, report. */
export async function runNational(options: NationalOptions): Promise<void> {
  const unknown = options.only?.filter((name) => !SUITE_NAMES.includes(name)) ?? [];
  if (unknown.length) throw new Error(`Unknown suite ${unknown.join(", ")}; the suites are ${SUITE_NAMES.join(", ")}.`);
  const wanted = (name: string) => !options.only || options.only.includes(name);
  const started = performance.now();
  const loadBefore = os.loadavg();
  const database = await openBenchDatabase(options.size, options.fresh);
  log(`database: ${database.where}`);
  try {
    const spec = SIZES[options.size];
    const generation = await ensureBenchTenant(database.ownerUrl, spec, log);
    log(`tenant ${generation.tenantId} ${generation.reused ? "reused" : "generated"} (generation took ${generation.seconds} s)`);
    const owner = postgres(database.ownerUrl, { max: 20, onnotice: () => {} });
    const runtime = postgres(runtimeUrl(database.ownerUrl, database.appPassword), { max: 20, onnotice: () => {} });
    const wide = postgres(runtimeUrl(database.ownerUrl, database.appPassword, WIDE_RUNTIME_ROLE), { max: 20, onnotice: () => {} });
    const local = postgres(runtimeUrl(database.ownerUrl, database.appPassword, LOCAL_RUNTIME_ROLE), { max: 20, onnotice: () => {} });
    // The handlers take drizzle, as the app's runtime pool gives them.
    const app = connect(runtimeUrl(database.ownerUrl, database.appPassword), { max: 20 });
    try {
      await warm(owner, log);
      const counts = await tableCounts(owner);
      const ctx: Context = { world: await loadWorld(owner, generation.tenantId, spec), runtime, wide, local, owner, naive: options.naive, server: await localServerOf(owner) };
      const { rows, plans } = await runSuites(ctx, app.db, wanted, log);
      printTable(rows);
      if (plans.length) log(`plans of what missed: ${savePlans(options.size, options.only, plans)}`);
      const seconds = Math.round((performance.now() - started) / 1000);
      const file = saveRun(options.size, {
        at: new Date().toISOString(),
        machine: machine(),
        loadAverage: { before: loadBefore, after: os.loadavg() },
        size: options.size,
        database: database.where,
        generation: { reused: generation.reused, seconds: generation.seconds, steps: generation.steps },
        counts,
        seconds,
        rows,
      });
      log(`results appended to ${file}; whole run ${seconds} s`);
    } finally {
      await Promise.all([owner.end({ timeout: 5 }), runtime.end({ timeout: 5 }), wide.end({ timeout: 5 }), local.end({ timeout: 5 }), app.close()]);
    }
  } finally {
    await database.stop();
  }
}
