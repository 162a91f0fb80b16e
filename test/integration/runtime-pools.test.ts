import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Transaction } from "@/db/client";
import { requestTransactions } from "@/db/runtime-pools";
import { withTenant } from "@/db/tenant-transaction";
import { RUNTIME_ROLE, WIDE_RUNTIME_ROLE } from "@/db/urls";
import { createTenantFixture, type TenantFixture } from "../fixtures/tenants";
import { plantRecord } from "../fixtures/records";
import { testDatabases } from "./databases";

/**
 * Which runtime role a request runs on (db/runtime-pools.ts): the wide one only for a caller who
 * reads every record, decided again by every request's own binding, never trusted from before.
 */
const { owner, runtime, wide } = testDatabases();
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
});

describe("request transactions", () => {
  it("run a whole-tree reader on the wide role from their second request, with the same answer", async () => {
    const request = requestTransactions({ scoped: runtime, wide });
    const first = await request({ tenantId: f.id, userId: f.users.admin! }, probe);
    const second = await request({ tenantId: f.id, userId: f.users.admin! }, probe);
    expect(first.role).toBe(RUNTIME_ROLE);
    expect(second.role).toBe(WIDE_RUNTIME_ROLE);
    expect(second.people).toBe(first.people);
    expect(second.outside).toBe(true);
  });

  it("keep scoped callers and requests without a user on the scoped role", async () => {
    const request = requestTransactions({ scoped: runtime, wide });
    for (let i = 0; i < 2; i++) {
      expect((await request({ tenantId: f.id, userId: f.users.nurse! }, probe)).role).toBe(RUNTIME_ROLE);
      expect((await request({ tenantId: f.id }, probe)).role).toBe(RUNTIME_ROLE);
    }
  });

  it("move a caller whose every-record access was revoked back to their scope, within the same request", async () => {
    const request = requestTransactions({ scoped: runtime, wide });
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
    const request = requestTransactions({ scoped: runtime, wide });
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
