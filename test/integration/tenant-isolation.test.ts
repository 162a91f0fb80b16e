import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { withTenant } from "@/db/tenant-transaction";
import { identify } from "@/server/auth/request-identity";
import { createTenantFixture, type TenantFixture } from "../fixtures/tenants";
import { testDatabases } from "./databases";

/**
 * Reads the catalog for every table with a tenant_id column, so a new table is checked without
 * editing this file: its RLS must be enabled and forced, and the runtime role bound to tenant A
 * must see all of A's rows, none of B's, and be unable to write B's id.
 */
const { owner, runtime } = testDatabases();
let a: TenantFixture;
let b: TenantFixture;
let tables: string[];

beforeAll(async () => {
  [a, b] = await Promise.all([createTenantFixture(owner, "iso-a"), createTenantFixture(owner, "iso-b")]);
  const rows = await owner.execute<{ table_name: string }>(sql`
    select c.table_name from information_schema.columns c
    join pg_class k on k.relname = c.table_name and k.relnamespace = 'public'::regnamespace
    where c.table_schema = 'public' and c.column_name = 'tenant_id' and k.relkind in ('r', 'p')
      -- Partitions are reached only through their parent, which carries the policy and the grants.
      and not k.relispartition
    order by c.table_name`);
  tables = rows.map((row) => row.table_name);
});

const countRows = async (db: Database, table: string, where = sql`true`) => {
  const [row] = await db.execute<{ n: number }>(sql`select count(*)::int as n from ${sql.identifier(table)} where ${where}`);
  return row!.n;
};

const ownerCount = (table: string, tenantId: string) =>
  withTenant(owner, { tenantId }, (tx) => countRows(tx as unknown as Database, table, sql`tenant_id = ${tenantId}`));

describe("tenant isolation on every tenant table", () => {
  it("finds the tenant tables in the catalog", () => {
    expect(tables).toEqual(expect.arrayContaining(["audit_event", "org_unit", "org_unit_level", "session", "user_account"]));
  });

  it("has row-level security enabled and forced on each of them", async () => {
    const rows = await owner.execute<{ relname: string; relrowsecurity: boolean; relforcerowsecurity: boolean }>(sql`
      select relname, relrowsecurity, relforcerowsecurity from pg_class
      where relnamespace = 'public'::regnamespace and relname in ${sql`(${sql.join(tables.map((t) => sql`${t}`), sql`, `)})`}`);
    for (const row of rows) {
      expect({ table: row.relname, enabled: row.relrowsecurity, forced: row.relforcerowsecurity }).toEqual({
        table: row.relname,
        enabled: true,
        forced: true,
      });
    }
    expect(rows).toHaveLength(tables.length);
  });

  it("has fixture rows in both tenants for each table (add them in test/fixtures/tenants.ts)", async () => {
    for (const table of tables) {
      expect({ table, a: (await ownerCount(table, a.id)) > 0, b: (await ownerCount(table, b.id)) > 0 }).toEqual({
        table,
        a: true,
        b: true,
      });
    }
  });

  it("shows the runtime role all of its own tenant's rows and none of another's", async () => {
    for (const table of tables) {
      const expected = await ownerCount(table, a.id);
      // Bound as the tenant admin, whose all-records permission passes the scope policies too.
      const seen = await withTenant(runtime, { tenantId: a.id, userId: a.users.admin }, async (tx) => ({
        own: await countRows(tx as unknown as Database, table),
        foreign: await countRows(tx as unknown as Database, table, sql`tenant_id <> ${a.id}`),
      }));
      expect({ table, ...seen }).toEqual({ table, own: expected, foreign: 0 });
    }
  });

  it("shows nothing at all when no tenant is set", async () => {
    for (const table of tables) {
      const unset = await runtime.transaction((tx) => countRows(tx as unknown as Database, table));
      const empty = await runtime.transaction(async (tx) => {
        await tx.execute(sql`select set_config('app.tenant_id', '', true)`);
        return countRows(tx as unknown as Database, table);
      });
      expect({ table, unset, empty }).toEqual({ table, unset: 0, empty: 0 });
    }
  });

  it("refuses to insert a row carrying another tenant's id", async () => {
    for (const table of tables) {
      const before = await ownerCount(table, b.id);
      const attempt = withTenant(runtime, { tenantId: a.id, userId: a.users.admin }, (tx) =>
        tx.execute(sql`
          insert into ${sql.identifier(table)}
          select (jsonb_populate_record(null::${sql.identifier(table)},
                  to_jsonb(r) || jsonb_build_object('tenant_id', ${b.id}::uuid, 'id', gen_random_uuid()))).*
          from ${sql.identifier(table)} r limit 1`),
      );
      await expect(attempt, `insert into ${table}`).rejects.toThrow();
      expect(await ownerCount(table, b.id)).toBe(before);
    }
  });

  it("refuses to move its own rows to another tenant", async () => {
    for (const table of tables) {
      const before = await ownerCount(table, b.id);
      const attempt = withTenant(runtime, { tenantId: a.id, userId: a.users.admin }, (tx) =>
        tx.execute(sql`update ${sql.identifier(table)} set tenant_id = ${b.id}::uuid`),
      );
      await expect(attempt, `update of ${table}`).rejects.toThrow();
      expect(await ownerCount(table, b.id)).toBe(before);
    }
  });

  it("refuses to change or delete another tenant's rows", async () => {
    for (const table of tables) {
      const before = await ownerCount(table, b.id);
      // Deleting B's rows while bound to A matches nothing (or is not granted at all).
      await withTenant(runtime, { tenantId: a.id, userId: a.users.admin }, (tx) =>
        tx.execute(sql`delete from ${sql.identifier(table)} where tenant_id = ${b.id}::uuid`),
      ).catch(() => undefined);
      expect({ table, rows: await ownerCount(table, b.id) }).toEqual({ table, rows: before });
    }
  });
});

describe("the tenant table", () => {
  it("shows the runtime role only the tenant its transaction is bound to", async () => {
    const slugs = await withTenant(runtime, { tenantId: a.id }, (tx) =>
      tx.execute<{ slug: string }>(sql`select slug from tenant`),
    );
    expect(slugs.map((row) => row.slug)).toEqual([a.slug]);
  });

  it("lets the runtime role change only its own tenant's settings", async () => {
    const changed = await withTenant(runtime, { tenantId: a.id }, (tx) =>
      tx.execute(sql`update tenant set settings = '{"x": 1}' where id = ${b.id} returning id`),
    );
    expect(changed).toHaveLength(0);
    const renamed = withTenant(runtime, { tenantId: a.id }, (tx) => tx.execute(sql`update tenant set slug = 'stolen' where id = ${a.id}`));
    await expect(renamed).rejects.toThrow();
  });

  it("resolves an active tenant by slug, and nothing for unknown or suspended ones", async () => {
    const resolveTenant = async (slug: string) => (await identify(runtime, slug, null)).tenant;
    expect(await resolveTenant(a.slug)).toEqual({ id: a.id, slug: a.slug, name: a.name });
    expect(await resolveTenant("no-such-tenant")).toBeNull();
    await withTenant(owner, { tenantId: b.id }, (tx) => tx.execute(sql`update tenant set status = 'suspended' where id = ${b.id}`));
    expect(await resolveTenant(b.slug)).toBeNull();
  });
});
