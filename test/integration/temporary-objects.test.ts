import { sql } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Transaction } from "@/db/client";
import { withTenant } from "@/db/tenant-transaction";
import { recordAudit } from "@/server/audit/record";
import { verifyChain } from "@/server/audit/verify-chain";
import { createTenantFixture, type TenantFixture } from "../fixtures/tenants";
import { dbError, testDatabases } from "./databases";

/**
 * A session's temporary tables and types are searched before every other schema — also inside a
 * function whose search_path is set, unless the path names pg_temp. So a runtime session could
 * have made its own rows stand in for the owner's tables in the functions that run as the owner
 * (db/migrations/0054). Tried from the attacker's side: the runtime roles cannot create
 * temporary objects, and where the grant comes back the functions still read only our tables.
 */
const { owner, runtime, wide, local } = testDatabases();
let f: TenantFixture;

beforeAll(async () => {
  f = await createTenantFixture(owner, "temp-objects");
});

/** The grant 0054 revokes, given back to the scoped runtime role for one test. */
const temporaryGrant = async (grant: boolean) => {
  const [row] = await owner.execute<{ name: string }>(sql`select current_database() as name`);
  const database = sql.identifier(row!.name);
  await owner.execute(grant ? sql`grant temporary on database ${database} to canopy_app` : sql`revoke temporary on database ${database} from canopy_app`);
};

afterEach(() => temporaryGrant(false));

const asNurse = (work: (tx: Transaction) => Promise<unknown>) => withTenant(runtime, { tenantId: f.id, userId: f.users.nurse! }, work);

describe("temporary objects in a runtime session", () => {
  it("cannot be created by any runtime role", async () => {
    for (const db of [runtime, wide, local]) {
      const attempt = (statement: ReturnType<typeof sql>) => dbError(db.transaction((tx) => tx.execute(statement)));
      expect(await attempt(sql`create temporary table org_unit (id uuid) on commit drop`)).toMatch(/permission denied to create temporary tables/);
      expect(await attempt(sql`create type pg_temp.uuid as enum ('x')`)).toMatch(/permission denied/);
    }
  });

  it("are searched last by every function that sets its search_path", async () => {
    const paths = await owner.execute<{ fn: string; path: string }>(sql`
      select p.oid::regprocedure::text as fn, c as path
      from pg_proc p join pg_namespace n on n.oid = p.pronamespace cross join unnest(p.proconfig) as c
      where n.nspname = 'public' and c like 'search_path=%'`);
    expect(paths.length).toBeGreaterThan(20);
    expect(paths.filter((p) => !p.path.endsWith(", pg_temp"))).toEqual([]);
  });

  it("cannot stand in for the chain's heads, even with the grant restored", async () => {
    await temporaryGrant(true);
    await asNurse(async (tx) => {
      await tx.execute(sql`create temporary table audit_chain_head (like public.audit_chain_head) on commit drop`);
      await tx.execute(sql`insert into audit_chain_head (tenant_id, lane, seq, hash) select ${f.id}, l, 1000, 'forged' from generate_series(0, 7) l`);
      await recordAudit(tx, { tenantId: f.id, actorUserId: f.users.nurse!, action: "test.temporary-head", details: {} });
    });
    const [seal] = await withTenant(owner, { tenantId: f.id }, (tx) =>
      tx.execute<{ seq: number; prev_hash: string }>(sql`
        select s.seq::int, s.prev_hash from audit_seal s join audit_event e on e.tenant_id = s.tenant_id and e.id = s.event_id
        where s.tenant_id = ${f.id} and e.action = 'test.temporary-head'`),
    );
    expect(seal).toBeDefined();
    expect(seal!.seq).toBeLessThan(1000);
    expect(seal!.prev_hash).not.toBe("forged");
    expect((await withTenant(owner, { tenantId: f.id }, (tx) => verifyChain(tx, f.id))).broken).toBeNull();
  });

  it("cannot open a closed unit to new records, even with the grant restored", async () => {
    const unit = f.units["north-a-1"]!;
    await withTenant(owner, { tenantId: f.id }, (tx) => tx.execute(sql`update org_unit set closed_date = current_date where tenant_id = ${f.id} and id = ${unit}`));
    try {
      await temporaryGrant(true);
      const attempt = asNurse(async (tx) => {
        await tx.execute(sql`create temporary table org_unit (tenant_id uuid, id uuid, closed_date date, opening_date date) on commit drop`);
        await tx.execute(sql`insert into org_unit values (${f.id}, ${unit}, null, null)`);
        await tx.execute(sql`insert into tracked_entity (tenant_id, tracked_entity_type_id, registration_unit_id, created_by)
                             values (${f.id}, ${f.records.typeId}, ${unit}, ${f.users.nurse!})`);
      });
      expect(await dbError(attempt)).toMatch(/row-level security/);
    } finally {
      await withTenant(owner, { tenantId: f.id }, (tx) => tx.execute(sql`update org_unit set closed_date = null where tenant_id = ${f.id} and id = ${unit}`));
    }
  });
});
