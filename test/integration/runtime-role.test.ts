import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { RUNTIME_ROLE } from "@/db/urls";
import { withTenant } from "@/db/tenant-transaction";
import { createTenantFixture, type TenantFixture } from "../fixtures/tenants";
import { dbError, testDatabases } from "./databases";

const { owner, runtime } = testDatabases();
let a: TenantFixture;

beforeAll(async () => {
  a = await createTenantFixture(owner, "role");
});

describe("the runtime role", () => {
  it("is the role requests connect as, and can log in", async () => {
    const [row] = await runtime.execute<{ who: string }>(sql`select current_user as who`);
    expect(row!.who).toBe(RUNTIME_ROLE);
  });

  it("is not a superuser, cannot bypass RLS and cannot create roles or databases", async () => {
    const [row] = await runtime.execute(sql`
      select rolsuper, rolbypassrls, rolcreaterole, rolcreatedb, rolreplication
      from pg_roles where rolname = current_user`);
    expect(row).toEqual({ rolsuper: false, rolbypassrls: false, rolcreaterole: false, rolcreatedb: false, rolreplication: false });
  });

  it("plans a statement once per connection: requests send it prepared and reuse the generic plan", async () => {
    const stats = await withTenant(runtime, { tenantId: a.id, userId: a.users.admin }, async (tx) => {
      for (const id of [randomUUID(), randomUUID(), randomUUID()]) {
        await tx.execute(sql`select id from org_unit where tenant_id = ${a.id} and id = ${id} /* plan-once probe */`);
      }
      return tx.execute<{ generic_plans: number; custom_plans: number }>(sql`
        select generic_plans::int, custom_plans::int from pg_prepared_statements
        where statement like ${"%plan-once probe%"} and statement not like ${"%pg_prepared_statements%"}`);
    });
    expect(stats).toEqual([{ generic_plans: 3, custom_plans: 0 }]);
  });

  it("owns no table, function, type or schema", async () => {
    const [row] = await owner.execute<{ owned: number }>(sql`
      select (select count(*) from pg_class where relowner = r.oid)
           + (select count(*) from pg_proc where proowner = r.oid)
           + (select count(*) from pg_type where typowner = r.oid)
           + (select count(*) from pg_namespace where nspowner = r.oid) as owned
      from pg_roles r where r.rolname = ${RUNTIME_ROLE}`);
    expect(Number(row!.owned)).toBe(0);
  });

  it("cannot turn row-level security off or create objects", async () => {
    await expect(runtime.execute(sql`alter table org_unit no force row level security`)).rejects.toThrow();
    await expect(runtime.execute(sql`create table sneaky (tenant_id uuid)`)).rejects.toThrow();
    // With row_security off, a query that RLS would filter fails instead of bypassing it.
    const bypass = runtime.transaction(async (tx) => {
      await tx.execute(sql`set local row_security = off`);
      return tx.execute(sql`select count(*) from org_unit`);
    });
    expect(await dbError(bypass)).toMatch(/row-level security/);
  });

  it("may append audit events but never change or delete them", async () => {
    await withTenant(runtime, { tenantId: a.id }, (tx) =>
      tx.execute(sql`insert into audit_event (tenant_id, action) values (${a.id}, 'test.append')`),
    );
    await expect(
      withTenant(runtime, { tenantId: a.id }, (tx) => tx.execute(sql`update audit_event set action = 'forged'`)),
    ).rejects.toThrow();
    await expect(withTenant(runtime, { tenantId: a.id }, (tx) => tx.execute(sql`delete from audit_event`))).rejects.toThrow();
  });

  it("cannot write an org unit's path or level directly", async () => {
    const forged = withTenant(runtime, { tenantId: a.id }, (tx) =>
      tx.execute(sql`update org_unit set path = 'forged', level = 9 where id = ${a.units["north"]}`),
    );
    expect(await dbError(forged)).toMatch(/permission denied/);
  });
});

describe("the audit trail", () => {
  it("refuses UPDATE, DELETE and TRUNCATE even for the owner", async () => {
    const ownerTx = (statement: ReturnType<typeof sql>) => withTenant(owner, { tenantId: a.id }, (tx) => tx.execute(statement));
    expect(await dbError(ownerTx(sql`update audit_event set action = 'forged'`))).toMatch(/append-only/);
    expect(await dbError(ownerTx(sql`delete from audit_event`))).toMatch(/append-only/);
    expect(await dbError(ownerTx(sql`truncate audit_event`))).toMatch(/append-only/);
  });
});
