import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Transaction } from "@/db/client";
import { requestTransactions } from "@/db/runtime-pools";
import { withTenant } from "@/db/tenant-transaction";
import { LOCAL_RUNTIME_ROLE, RUNTIME_ROLE, WIDE_RUNTIME_ROLE } from "@/db/urls";
import { createTenantFixture, type TenantFixture } from "../fixtures/tenants";
import { plantRecord } from "../fixtures/records";
import { addUnitsUnder } from "../fixtures/units";
import { testDatabases } from "./databases";

/**
 * Which runtime role a request runs on (db/runtime-pools.ts): the wide one only for a caller who
 * reads every record, the local one only for a caller whose scopes are both bound as unit sets,
 * decided again by every request's own binding, never trusted from before.
 */
const { owner, runtime, wide, local } = testDatabases();
let f: TenantFixture;
let outside: string;

/** What a request saw: the role it ran as and how many people it could read. */
const probe = async (tx: Transaction) => {
  const [row] = await tx.execute<{ role: string; people: number; outside: boolean }>(sql`
    select current_user as role, (select count(*)::int from tracked_entity) as people,
           exists (select 1 from tracked_entity where id = ${outside}) as outside`);
  return row!;
};

beforeAll(async () => {
  f = await createTenantFixture(owner, "pools");
  outside = await withTenant(owner, { tenantId: f.id }, async (tx) => (await plantRecord(tx, f.id, f.records, "open", f.units["south-a-1"]!)).personId);
  await withTenant(owner, { tenantId: f.id }, (tx) => plantRecord(tx, f.id, f.records, "open", f.units["north-a-1"]!));
  // South grows past what a unit set holds: its lead's scope is bound by paths alone.
  await addUnitsUnder(owner, f.id, f.units.south!, 70);
});

describe("request transactions", () => {
  it("run a whole-tree reader on the wide role from their second request, with the same answer", async () => {
    const request = requestTransactions({ scoped: runtime, wide, local });
    const first = await request({ tenantId: f.id, userId: f.users.admin! }, probe);
    const second = await request({ tenantId: f.id, userId: f.users.admin! }, probe);
    expect(first.role).toBe(RUNTIME_ROLE);
    expect(second.role).toBe(WIDE_RUNTIME_ROLE);
    expect(second.people).toBe(first.people);
    expect(second.outside).toBe(true);
  });

  it("run a caller whose scopes are bound as unit sets on the local role from their second request, with the same answer", async () => {
    const request = requestTransactions({ scoped: runtime, wide, local });
    const first = await request({ tenantId: f.id, userId: f.users.nurse! }, probe);
    const second = await request({ tenantId: f.id, userId: f.users.nurse! }, probe);
    expect(first.role).toBe(RUNTIME_ROLE);
    expect(second.role).toBe(LOCAL_RUNTIME_ROLE);
    expect(second.people).toBe(first.people);
    expect(second.people).toBeGreaterThan(0);
    expect(second.outside).toBe(false);
  });

  it("run a caller who searches a subdistrict of 50 units on the local role, with the same answer", async () => {
    const g = await createTenantFixture(owner, "pools-subdistrict");
    await addUnitsUnder(owner, g.id, g.units["north-a"]!, 47);
    await withTenant(owner, { tenantId: g.id }, (tx) => plantRecord(tx, g.id, g.records, "open", g.units["north-a-2"]!));
    const request = requestTransactions({ scoped: runtime, wide, local });
    const searchSet = (tx: Transaction) => tx.execute<{ units: number }>(sql`select cardinality(app_scope_unit_set('search'))::int as units`);
    const first = await request({ tenantId: g.id, userId: g.users.nurse! }, async (tx) => ({ ...(await probe(tx)), units: (await searchSet(tx))[0]!.units }));
    const second = await request({ tenantId: g.id, userId: g.users.nurse! }, probe);
    expect(first).toMatchObject({ role: RUNTIME_ROLE, units: 50 });
    expect(second.role).toBe(LOCAL_RUNTIME_ROLE);
    expect(second.people).toBe(first.people);
    expect(second.people).toBeGreaterThan(0);
  });

  it("keep callers with a scope too wide for a unit set, and requests without a user, on the scoped role", async () => {
    const request = requestTransactions({ scoped: runtime, wide, local });
    for (let i = 0; i < 2; i++) {
      const lead = await request({ tenantId: f.id, userId: f.users.southlead! }, probe);
      expect(lead).toMatchObject({ role: RUNTIME_ROLE, outside: true });
      expect((await request({ tenantId: f.id }, probe)).role).toBe(RUNTIME_ROLE);
    }
  });

  it("move a local caller whose scope grew too wide for a unit set back to the scoped role, within the same request", async () => {
    const request = requestTransactions({ scoped: runtime, wide, local });
    const clerk = f.users.clerk!;
    await owner.execute(sql`insert into user_scope (tenant_id, user_id, org_unit_id, kind) values (${f.id}, ${clerk}, ${f.units["north-a-1"]!}, 'capture')`);
    await request({ tenantId: f.id, userId: clerk }, probe);
    expect((await request({ tenantId: f.id, userId: clerk }, probe)).role).toBe(LOCAL_RUNTIME_ROLE);
    await owner.execute(sql`insert into user_scope (tenant_id, user_id, org_unit_id, kind) values (${f.id}, ${clerk}, ${f.units.south!}, 'search')`);
    let runs = 0;
    const after = await request({ tenantId: f.id, userId: clerk }, (tx) => {
      runs += 1;
      return probe(tx);
    });
    expect(after).toMatchObject({ role: RUNTIME_ROLE, outside: true });
    expect(runs).toBe(1);
  });

  it("move a caller whose every-record access was revoked back to their scope, within the same request", async () => {
    const request = requestTransactions({ scoped: runtime, wide, local });
    const medic = f.users.medic!;
    const [admin] = await owner.execute<{ id: string }>(sql`select id from role where tenant_id = ${f.id} and key = 'tenant_admin'`);
    await owner.execute(sql`insert into user_role (tenant_id, user_id, role_id) values (${f.id}, ${medic}, ${admin!.id})`);
    await request({ tenantId: f.id, userId: medic }, probe);
    const widened = await request({ tenantId: f.id, userId: medic }, probe);
    expect(widened).toMatchObject({ role: WIDE_RUNTIME_ROLE, outside: true });

    await owner.execute(sql`delete from user_role where tenant_id = ${f.id} and user_id = ${medic} and role_id = ${admin!.id}`);
    let runs = 0;
    const after = await request({ tenantId: f.id, userId: medic }, (tx) => {
      runs += 1;
      return probe(tx);
    });
    expect(after).toMatchObject({ role: RUNTIME_ROLE, outside: false });
    expect(after.people).toBeGreaterThan(0);
    expect(runs).toBe(1);
  });

  it("never run a request's work twice: a failure on the wide role is the request's failure", async () => {
    const request = requestTransactions({ scoped: runtime, wide, local });
    await request({ tenantId: f.id, userId: f.users.admin! }, probe);
    let runs = 0;
    const failing = request({ tenantId: f.id, userId: f.users.admin! }, async (tx) => {
      runs += 1;
      expect((await probe(tx)).role).toBe(WIDE_RUNTIME_ROLE);
      throw new Error("the handler failed");
    });
    await expect(failing).rejects.toThrow("the handler failed");
    expect(runs).toBe(1);
  });
});
