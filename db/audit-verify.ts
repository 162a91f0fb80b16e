import { parseArgs } from "node:util";
import { asc, eq } from "drizzle-orm";
import { chainProblem, verifyChain } from "@/server/audit/verify-chain";
import { connect } from "./client";
import { openDatabase } from "./dev-database";
import { tenant } from "./schema";
import { withTenant } from "./tenant-transaction";

/**
 * `npm run audit:verify [-- --tenant <slug>]`: recomputes each tenant's audit hash chain and
 * prints the first broken link. Exits 1 when any chain is broken (or the tenant is unknown).
 */
const { values } = parseArgs({ options: { tenant: { type: "string" } } });
const database = await openDatabase();
let failed = false;
try {
  const { db, close } = connect(database.ownerUrl, { max: 1 });
  try {
    const tenants = await db
      .select({ id: tenant.id, slug: tenant.slug })
      .from(tenant)
      .where(values.tenant ? eq(tenant.slug, values.tenant) : undefined)
      .orderBy(asc(tenant.slug));
    if (!tenants.length) {
      console.error(values.tenant ? `No tenant "${values.tenant}".` : "No tenants.");
      failed = Boolean(values.tenant);
    }
    for (const t of tenants) {
      const report = await withTenant(db, { tenantId: t.id }, (tx) => verifyChain(tx, t.id));
      if (report.broken) {
        failed = true;
        console.log(`${t.slug}: BROKEN, ${chainProblem(report.broken)}${report.broken.eventId ? ` (id ${report.broken.eventId})` : ""}; ${report.checked} events verified before it.`);
      } else {
        console.log(`${t.slug}: intact, ${report.checked} events verified.`);
      }
    }
  } finally {
    await close();
  }
} finally {
  await database.stop();
}
process.exit(failed ? 1 : 0);
