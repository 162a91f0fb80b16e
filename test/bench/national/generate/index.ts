import postgres from "postgres";
import { ensureNaiveSchema } from "../naive-schema";
import { specKey, type SizeSpec } from "../sizes";
import { fileSearchValues } from "./filed-values";
import { createHelpers } from "./helpers";
import { dropSecondaryIndexes, rebuildSecondaryIndexes } from "./indexes";
import { generatePeople, planPeople } from "./people";
import { generateRecords } from "./records";
import { provisionBenchTenant } from "./tenant";
import { generateTree } from "./tree";
import { generateUsers } from "./users";

export type Generation = { tenantId: string; reused: boolean; seconds: number; steps: Record<string, number> };

/**
 * The bench tenant of `spec`, generated once and reused: bench.generated records the spec it was
 * made from and when it finished. A half-finished or different generation is refused (start over
 * with --fresh) rather than silently measured.
 */
export async function ensureBenchTenant(ownerUrl: string, spec: SizeSpec, log: (m: string) => void): Promise<Generation> {
  const admin = postgres(ownerUrl, { max: 1, onnotice: () => {} });
  try {
    await createHelpers(admin);
    const [done] = await admin<{ spec: string; tenant_id: string | null; finished_at: Date | null; steps: Record<string, number> }[]>`
      select spec, tenant_id, finished_at, steps from bench.generated where size = ${spec.size}`;
    if (done) {
      if (done.spec !== specKey(spec) || !done.finished_at || !done.tenant_id) {
        throw new Error(`The stored ${spec.size} tenant is ${done.finished_at ? "from another spec" : "incomplete"}; run again with --fresh.`);
      }
      await ensureNaiveSchema(admin, log);
      return { tenantId: done.tenant_id, reused: true, seconds: done.steps.total ?? 0, steps: done.steps };
    }
    await admin`insert into bench.generated (size, spec) values (${spec.size}, ${specKey(spec)})`;
    return await generate(ownerUrl, admin, spec, log);
  } finally {
    await admin.end({ timeout: 5 });
  }
}

async function generate(ownerUrl: string, admin: postgres.Sql, spec: SizeSpec, log: (m: string) => void): Promise<Generation> {
  const started = performance.now();
  const steps: Record<string, number> = {};
  const step = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const t = performance.now();
    const result = await work();
    steps[name] = Math.round((performance.now() - t) / 100) / 10;
    log(`${name}: ${steps[name]} s`);
    return result;
  };
  const { tenantId, metadata } = await step("tenant and metadata", () => provisionBenchTenant(ownerUrl, admin));
  // Triggers (paths, normalization, foreign keys) are off on the loader's connection; every
  // column they maintain is written explicitly by the generators.
  const loader = postgres(ownerUrl, { max: 1, onnotice: () => {}, connection: { session_replication_role: "replica" } });
  try {
    await step("drop secondary indexes", () => dropSecondaryIndexes(loader));
    await step("org units", () => generateTree(loader, tenantId, spec));
    await step("users and scopes", () => generateUsers(loader, tenantId, spec));
    await step("people plan", () => planPeople(loader, tenantId, spec));
    await step("people and attribute values", () => generatePeople(loader, tenantId, metadata));
    await step("ownership, enrolments, events", () => generateRecords(loader, tenantId, spec, metadata, log));
    await step("values filed by unit", () => fileSearchValues(loader, tenantId));
    await step("rebuild secondary indexes", () => rebuildSecondaryIndexes(loader, log));
  } finally {
    await loader.end({ timeout: 5 });
  }
  // Statistics for the planner and the visibility map for index-only scans, as a settled database has.
  await step("vacuum analyze", () => admin`vacuum (analyze)`);
  await step("naive baseline copy", () => ensureNaiveSchema(admin, log));
  steps.total = Math.round((performance.now() - started) / 100) / 10;
  await admin`update bench.generated set tenant_id = ${tenantId}, finished_at = clock_timestamp(), steps = ${admin.json(steps)} where size = ${spec.size}`;
  return { tenantId, reused: false, seconds: steps.total, steps };
}
