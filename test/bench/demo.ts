import { randomBytes } from "node:crypto";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, eq, sql } from "drizzle-orm";
import { connect } from "@/db/client";
import { ensureDatabase, freePort, startEmbeddedPostgres } from "@/db/embedded";
import { migrateDatabase } from "@/db/migrator";
import { orgUnit, tenant, userAccount } from "@/db/schema";
import { seedDemo } from "@/db/seed/demo";
import { withTenant } from "@/db/tenant-transaction";
import { runtimeUrl } from "@/db/urls";
import { identify } from "@/server/auth/request-identity";
import { createSession } from "@/server/auth/sessions";
import { DEFAULT_SECURITY_POLICY } from "@/server/auth/security-policy";
import { benchRecords } from "./records";
import { time, type Timing } from "./stats";

/**
 * `npm run bench` with no size: micro-benchmarks of the hot paths on the demo tenant (1,332 units,
 * 3,000 people), as the runtime role with RLS on, on a throwaway embedded PostgreSQL. The
 * national-scale suite (`--size S|M`, with baselines) lives in ./national.
 */
const dir = mkdtempSync(path.join(os.tmpdir(), "canopy-bench-"));
chmodSync(dir, 0o755);
const server = await startEmbeddedPostgres({ dataDir: path.join(dir, "data"), port: await freePort(), password: randomBytes(12).toString("hex") });
const results: Timing[] = [];
try {
  await ensureDatabase(server.ownerUrl("postgres"), "bench");
  const ownerUrl = server.ownerUrl("bench");
  const appPassword = randomBytes(12).toString("hex");
  await migrateDatabase(ownerUrl, appPassword);
  const owner = connect(ownerUrl, { max: 2 });
  await seedDemo(owner.db, { password: "bench password 1", totpSecret: "JBSWY3DPEHPK3PXP", secretKey: randomBytes(32).toString("hex") });
  const runtime = connect(runtimeUrl(ownerUrl, appPassword), { max: 4 });
  const [demo] = await owner.db.select().from(tenant).where(eq(tenant.slug, "demo"));
  const tenantId = demo!.id;
  const bind = { tenantId };
  const [nurse] = await withTenant(owner.db, bind, (tx) => tx.select().from(userAccount).where(and(eq(userAccount.tenantId, tenantId), eq(userAccount.email, "nurse@demo.test"))));
  const unit = async (code: string) =>
    (await withTenant(owner.db, bind, (tx) => tx.select().from(orgUnit).where(and(eq(orgUnit.tenantId, tenantId), eq(orgUnit.code, code)))))[0]!;
  const [bo, kenema, sierraLeone] = await Promise.all([unit("O6uvpzGd5pu"), unit("kJq2mPyFEHo"), unit("ImspTQPwCqd")]);

  const token = await withTenant(runtime.db, bind, (tx) =>
    createSession(tx, { tenantId, userId: nurse!.id, stage: "active", limits: DEFAULT_SECURITY_POLICY.session, ip: null, userAgent: null }),
  );
  results.push(await time("tenant and session lookup (every request)", 2000, () => identify(runtime.db, "demo", token)));
  results.push(
    await time("children of the national unit (13)", 1000, () =>
      withTenant(runtime.db, bind, (tx) => tx.select().from(orgUnit).where(and(eq(orgUnit.tenantId, tenantId), eq(orgUnit.parentId, sierraLeone!.id)))),
    ),
  );
  results.push(
    await time("subtree count under a district (path <@)", 1000, () =>
      withTenant(runtime.db, bind, (tx) => tx.select({ n: sql<number>`count(*)` }).from(orgUnit).where(and(eq(orgUnit.tenantId, tenantId), sql`${orgUnit.path} <@ ${bo!.path}::ltree`))),
    ),
  );
  results.push(
    await time("move Bo district with its subtree (there and back)", 100, (i) =>
      withTenant(runtime.db, bind, (tx) =>
        tx.update(orgUnit).set({ parentId: i % 2 === 0 ? kenema!.id : sierraLeone!.id }).where(and(eq(orgUnit.tenantId, tenantId), eq(orgUnit.id, bo!.id))),
      ),
    ),
  );
  results.push(...(await benchRecords(owner.db, runtime.db, tenantId)));
  await Promise.all([owner.close(), runtime.close()]);
} finally {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}

console.table(results);
const out = path.join(import.meta.dirname, "results");
mkdirSync(out, { recursive: true });
writeFileSync(
  path.join(out, "foundation.json"),
  JSON.stringify({ at: new Date().toISOString(), machine: `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB`, results }, null, 2),
);
