import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { withTenant } from "@/db/tenant-transaction";
import { LOCAL_RUNTIME_ROLE, RUNTIME_ROLE, WIDE_RUNTIME_ROLE } from "@/db/urls";
import { createTenantFixture, type TenantFixture } from "../fixtures/tenants";
import { LEVELS, plantGrant, plantRecord } from "../fixtures/records";
import { dbError, testDatabases } from "./databases";

/**
 * The wide runtime role (db/migrations/0040) serves callers who read every record with plans
 * that leave out the scope checks. These tests hold it to its promise from both sides: it has
 * exactly the scoped role's privileges and policies but the record reads it replaces, for a
 * whole-tree reader it shows exactly what the scoped role shows, and for anyone else it shows no
 * person, value, ownership, enrolment or event at all — whatever tenant, user or binding it is
 * handed.
 */
const { owner, runtime, wide } = testDatabases();
let f: TenantFixture;
let other: TenantFixture;
let otherPerson: string;

/** Record tables and what identifies a row of each. */
const RECORD_TABLES = {
  tracked_entity: "id",
  tracked_entity_attribute_value: "tracked_entity_id::text || attribute_id::text",
  program_ownership: "id",
  ownership_change: "id",
  enrollment: "id",
  event: "id",
  break_glass_grant: "id",
} as const;

/** Every row of every record table the bound user sees on `db`, by table. */
async function visible(db: Database, tenantId: string, userId: string | null): Promise<Record<string, string[]>> {
  return withTenant(db, { tenantId, userId }, async (tx) => {
    const seen: Record<string, string[]> = {};
    for (const [table, key] of Object.entries(RECORD_TABLES)) {
      const rows = await tx.execute<{ key: string }>(sql.raw(`select ${key} as key from ${table} order by 1`));
      seen[table] = rows.map((r) => r.key);
    }
    return seen;
  });
}

const personCount = (seen: Record<string, string[]>) => seen.tracked_entity!.length;

beforeAll(async () => {
  [f, other] = await Promise.all([createTenantFixture(owner, "wide"), createTenantFixture(owner, "wide-other")]);
  // A record of every access level in capture, in search only and outside both scopes of the
  // nurse and medic; an active and an expired grant on protected ones.
  await withTenant(owner, { tenantId: f.id }, async (tx) => {
    for (const level of LEVELS) {
      for (const unit of ["north-a-1", "north-a-2", "south-a-1"]) {
        const planted = await plantRecord(tx, f.id, f.records, level, f.units[unit]!);
        if (level === "protected" && unit !== "north-a-1") {
          await plantGrant(tx, { tenantId: f.id, userId: f.users.medic!, personId: planted.personId, programId: planted.programId, ownerUnitId: f.units[unit]!, expiresInMinutes: unit === "north-a-2" ? 60 : -1 });
        }
      }
    }
  });
  otherPerson = await withTenant(owner, { tenantId: other.id }, async (tx) => (await plantRecord(tx, other.id, other.records, "open", other.units["root"]!)).personId);
});

describe("the wide runtime role", () => {
  it("is a login role that is not a superuser, cannot bypass RLS and owns nothing", async () => {
    const [who] = await wide.execute<{ who: string }>(sql`select current_user as who`);
    expect(who!.who).toBe(WIDE_RUNTIME_ROLE);
    const [row] = await owner.execute(sql`
      select r.rolsuper, r.rolbypassrls, r.rolcreaterole, r.rolcreatedb, r.rolreplication,
             (select count(*) from pg_class where relowner = r.oid) + (select count(*) from pg_proc where proowner = r.oid)
               + (select count(*) from pg_namespace where nspowner = r.oid) as owned,
             (select count(*) from pg_auth_members m where m.member = r.oid or m.roleid = r.oid) as memberships
        from pg_roles r where r.rolname = ${WIDE_RUNTIME_ROLE}`);
    expect(row).toEqual({ rolsuper: false, rolbypassrls: false, rolcreaterole: false, rolcreatedb: false, rolreplication: false, owned: "0", memberships: "0" });
  });

  it("holds exactly the scoped role's privileges on tables, columns, functions and the schema", async () => {
    const grants = async (role: string) =>
      (
        await owner.execute<{ grant: string }>(sql`
          select 'table ' || c.oid::regclass || ' ' || a.privilege_type as grant
            from pg_class c cross join lateral aclexplode(c.relacl) a
           where c.relnamespace = 'public'::regnamespace and a.grantee = ${role}::regrole
          union all
          select 'column ' || att.attrelid::regclass || '.' || att.attname || ' ' || a.privilege_type
            from pg_attribute att join pg_class c on c.oid = att.attrelid cross join lateral aclexplode(att.attacl) a
           where c.relnamespace = 'public'::regnamespace and a.grantee = ${role}::regrole
          union all
          select 'function ' || p.oid::regprocedure || ' ' || a.privilege_type
            from pg_proc p cross join lateral aclexplode(p.proacl) a
           where p.pronamespace = 'public'::regnamespace and a.grantee = ${role}::regrole
          union all
          select 'schema ' || n.nspname || ' ' || a.privilege_type
            from pg_namespace n cross join lateral aclexplode(n.nspacl) a
           where a.grantee = ${role}::regrole
          order by 1`)
      ).map((r) => r.grant);
    const scoped = await grants(RUNTIME_ROLE);
    expect(scoped.length).toBeGreaterThan(50);
    expect(await grants(WIDE_RUNTIME_ROLE)).toEqual(scoped);
  });

  it("carries every policy of the scoped role but the record reads, which it replaces with one rule", async () => {
    const policies = await owner.execute<{ rel: string; name: string; roles: string[]; qual: string | null }>(sql`
      select p.polrelid::regclass::text as rel, p.polname as name,
             array(select r.rolname::text from pg_roles r where r.oid = any (p.polroles) order by 1) as roles,
             pg_get_expr(p.polqual, p.polrelid) as qual
        from pg_policy p
       where p.polroles && array[${RUNTIME_ROLE}::regrole, ${WIDE_RUNTIME_ROLE}::regrole, ${LOCAL_RUNTIME_ROLE}::regrole]::oid[]
       order by 1, 2`);
    const reads = [
      ["enrollment", "enrollment"],
      ["event", "event"],
      ["program_ownership", "program_ownership"],
      ["tracked_entity", "tracked_entity"],
      ["tracked_entity_attribute_value", "attribute_value"],
    ];
    // The local role (0043) replaces only the reads of people and ownerships, with its own.
    const localReads = ["program_ownership", "tracked_entity"];
    const byRoles = (...roles: string[]) => policies.filter((p) => JSON.stringify(p.roles) === JSON.stringify(roles)).map((p) => `${p.rel}.${p.name}`);
    const own = reads.map(([table, prefix]) => `${table}.${prefix}_whole_tree_read`);
    expect(byRoles(RUNTIME_ROLE)).toEqual(localReads.map((t) => `${t}.${t}_scope_read`));
    expect(byRoles(RUNTIME_ROLE, LOCAL_RUNTIME_ROLE)).toEqual(reads.filter(([t]) => !localReads.includes(t!)).map(([t, prefix]) => `${t}.${prefix}_scope_read`));
    expect(byRoles(LOCAL_RUNTIME_ROLE)).toEqual(localReads.map((t) => `${t}.${t}_unit_set_read`));
    expect(byRoles(WIDE_RUNTIME_ROLE)).toEqual(own);
    expect(byRoles(RUNTIME_ROLE, LOCAL_RUNTIME_ROLE, WIDE_RUNTIME_ROLE)).toHaveLength(policies.length - 2 * reads.length - localReads.length);
    for (const p of policies.filter((p) => own.includes(`${p.rel}.${p.name}`))) expect(p.qual).toBe("( SELECT app_reads_all_records() AS app_reads_all_records)");
  });

  it("shows a whole-tree reader exactly what the scoped role shows, protected programs included", async () => {
    const onScoped = await visible(runtime, f.id, f.users.admin!);
    expect(personCount(onScoped)).toBeGreaterThanOrEqual(LEVELS.length * 3);
    expect(await visible(wide, f.id, f.users.admin!)).toEqual(onScoped);
  });

  it("shows no record to a caller who does not read every record, even in their own scope", async () => {
    for (const user of ["nurse", "medic", "reviewer", "clerk"]) {
      const onScoped = await visible(runtime, f.id, f.users[user]!);
      const onWide = await visible(wide, f.id, f.users[user]!);
      for (const table of ["tracked_entity", "tracked_entity_attribute_value", "program_ownership", "enrollment", "event", "ownership_change"]) {
        expect(onWide[table], `${user} ${table}`).toEqual([]);
      }
      // Whatever else it shows, never more than the scoped role does.
      for (const table of Object.keys(RECORD_TABLES)) {
        expect(onWide[table]!.filter((key) => !onScoped[table]!.includes(key)), `${user} ${table}`).toEqual([]);
      }
    }
    expect(personCount(await visible(runtime, f.id, f.users.medic!))).toBeGreaterThan(0);
  });

  it("shows nothing without a user, without a binding, or of another tenant", async () => {
    expect(personCount(await visible(wide, f.id, null))).toBe(0);
    const [unbound] = await wide.execute<{ n: string }>(sql`select count(*) as n from tracked_entity`);
    expect(unbound!.n).toBe("0");
    // Another tenant's whole-tree reader, bound to that tenant, asking for this tenant's rows by id.
    const seen = await withTenant(wide, { tenantId: other.id, userId: other.users.admin! }, async (tx) =>
      tx.execute(sql`select id from tracked_entity where tenant_id = ${f.id} or id = ${otherPerson}`),
    );
    expect(seen.map((r) => r.id)).toEqual([otherPerson]);
    // This tenant bound with another tenant's admin: app_bind finds no such user here.
    expect(personCount(await visible(wide, f.id, other.users.admin!))).toBe(0);
  });

  it("cannot purge the audit trail or turn row-level security off", async () => {
    const purge = wide.transaction(async (tx) => {
      await tx.execute(sql`select set_config('canopy.audit_retention', 'purge', true)`);
      return tx.execute(sql`delete from audit_event`);
    });
    expect(await dbError(purge)).toMatch(/permission denied/);
    const bypass = wide.transaction(async (tx) => {
      await tx.execute(sql`set local row_security = off`);
      return tx.execute(sql`select count(*) from tracked_entity`);
    });
    expect(await dbError(bypass)).toMatch(/row-level security/);
  });
});
