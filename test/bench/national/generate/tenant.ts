import type postgres from "postgres";
import { connect } from "@/db/client";
import { seedDemoPrograms, type DemoMetadata } from "@/db/seed/demo-programs";
import { provisionTenant } from "@/db/seed/provision-tenant";
import { withTenant } from "@/db/tenant-transaction";
import { BENCH_PASSWORD, BENCH_SLUG } from "../fixtures";

/**
 * The tenant row, its levels and system roles go through the app's own provisioning (so roles and
 * permissions are exactly a real tenant's), and the record metadata is the demo's: one program
 * per access level (open, audited, protected, closed) with the same attributes and stages. Units,
 * users and records are bulk-loaded in SQL afterwards.
 */
export async function provisionBenchTenant(ownerUrl: string, sql: postgres.Sql): Promise<{ tenantId: string; metadata: DemoMetadata }> {
  const owner = connect(ownerUrl, { max: 1 });
  try {
    await provisionTenant(
      owner.db,
      {
        slug: BENCH_SLUG,
        name: "National benchmark tenant",
        levels: ["Nation", "Region", "District", "Subdistrict", "Facility"],
        units: [],
        users: [{ email: "owner@bench.test", displayName: "Bench owner", roles: ["tenant_admin"] }],
      },
      BENCH_PASSWORD,
    );
    const [row] = await sql<{ id: string }[]>`select id from tenant where slug = ${BENCH_SLUG}`;
    const tenantId = row!.id;
    const metadata = await withTenant(owner.db, { tenantId }, (tx) => seedDemoPrograms(tx, tenantId, []));
    return { tenantId, metadata };
  } finally {
    await owner.close();
  }
}
