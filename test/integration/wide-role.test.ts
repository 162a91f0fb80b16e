import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { withTenant } from "@/db/tenant-transaction";
import { LOCAL_RUNTIME_ROLE, RUNTIME_ROLE, WIDE_RUNTIME_ROLE } from "@/db/urls";
import { createTenantFixture, type TenantFixture } from "../fixtures/tenants";
import { LEVELS, plantGrant, plantRecord } from "../fixtures/records";
import { dbError, testDatabases } from "./databases";
import { forbiddenAttempts, PLAIN_ROLE, RECORD_TABLES, roleGrants, roleKind, type Seen, visibleRecords } from "./specialised-roles";

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

/** Every row of every record table the bound user sees on `db`, by table. */
const visible = async (db: Database, tenantId: string, userId: string | null) => (await visibleRecords(db, tenantId, userId)).seen;

const personCount = (seen: Seen) => seen.tracked_entity!.length;

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
    expect(await roleKind(owner, WIDE_RUNTIME_ROLE)).toEqual(PLAIN_ROLE);
  });

  it("holds exactly the scoped role's privileges on tables, columns, functions and the schema", async () => {
    const scoped = await roleGrants(owner, RUNTIME_ROLE);
    expect(scoped.length).toBeGreaterThan(50);
    expect(await roleGrants(owner, WIDE_RUNTIME_ROLE)).toEqual(scoped);
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
      ["unit_search_value", "unit_search_value"],
    ];
    // The local role (0043) replaces only the reads of people, ownerships and filed values (0055), with its own.
    const localReads = ["program_ownership", "tracked_entity", "unit_search_value"];
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
    const attempt = forbiddenAttempts(wide);
    expect(await dbError(attempt.purge())).toMatch(/permission denied/);
    expect(await dbError(attempt.bypass())).toMatch(/row-level security/);
  });
});
