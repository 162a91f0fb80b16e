import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { withTenant } from "@/db/tenant-transaction";
import { LOCAL_RUNTIME_ROLE, RUNTIME_ROLE } from "@/db/urls";
import { createTenantFixture, type TenantFixture } from "../fixtures/tenants";
import { LEVELS, plantGrant, plantRecord } from "../fixtures/records";
import { addUnitsUnder } from "../fixtures/units";
import { dbError, testDatabases } from "./databases";
import { forbiddenAttempts, NOTHING_BEYOND, PLAIN_ROLE, roleGrants, roleKind, shownBeyond, visibleRecords as visible } from "./specialised-roles";

/**
 * The local runtime role (db/migrations/0043) serves callers whose capture and search scopes are
 * both bound as unit sets, reading people and ownerships by those sets alone. These tests hold it
 * to its promise from the attacker's side: exactly the scoped role's privileges and policies but
 * the two reads it replaces; for every caller it serves, exactly what the scoped role shows —
 * every access level, in capture, in search only and outside, under active and expired grants;
 * for a caller it does not serve (a scope too wide for a set, every record, no user, no binding,
 * another tenant), never more than the scoped role and no person or ownership beyond their sets.
 */
const { owner, runtime, local } = testDatabases();
let f: TenantFixture;
let other: TenantFixture;
let otherPerson: string;

beforeAll(async () => {
  [f, other] = await Promise.all([createTenantFixture(owner, "local"), createTenantFixture(owner, "local-other")]);
  // A record of every access level in capture, in search only and outside both scopes of the
  // nurse and medic; active and expired grants on protected ones; one never-enrolled person in
  // each place.
  await withTenant(owner, { tenantId: f.id }, async (tx) => {
    const [type] = await tx.execute<{ id: string }>(sql`select id from tracked_entity_type where tenant_id = ${f.id} limit 1`);
    for (const unit of ["north-a-1", "north-a-2", "south-a-1"]) {
      for (const level of LEVELS) {
        const planted = await plantRecord(tx, f.id, f.records, level, f.units[unit]!);
        if (level === "protected" && unit !== "north-a-1") {
          for (const user of ["medic", "nurse"]) {
            await plantGrant(tx, { tenantId: f.id, userId: f.users[user]!, personId: planted.personId, programId: planted.programId, ownerUnitId: f.units[unit]!, expiresInMinutes: unit === "north-a-2" ? 60 : -1 });
          }
        }
      }
      await tx.execute(sql`insert into tracked_entity (tenant_id, tracked_entity_type_id, registration_unit_id) values (${f.id}, ${type!.id}, ${f.units[unit]!})`);
    }
  });
  // South grows past what a unit set holds: its lead is a caller the local role does not serve.
  await addUnitsUnder(owner, f.id, f.units.south!, 70);
  otherPerson = await withTenant(owner, { tenantId: other.id }, async (tx) => (await plantRecord(tx, other.id, other.records, "open", other.units["north-a-1"]!)).personId);
});

describe("the local runtime role", () => {
  it("is a login role that is not a superuser, cannot bypass RLS and owns nothing", async () => {
    const [who] = await local.execute<{ who: string }>(sql`select current_user as who`);
    expect(who!.who).toBe(LOCAL_RUNTIME_ROLE);
    expect(await roleKind(owner, LOCAL_RUNTIME_ROLE)).toEqual(PLAIN_ROLE);
  });

  it("shows every caller it serves exactly what the scoped role shows", async () => {
    for (const user of ["nurse", "medic", "reviewer", "clerk"]) {
      const onScoped = await visible(runtime, f.id, f.users[user]!);
      const onLocal = await visible(local, f.id, f.users[user]!);
      expect(onScoped.bySets, user).toBe(true);
      expect(onLocal.seen, user).toEqual(onScoped.seen);
    }
    // The fixture reaches every branch: search-only records, an active grant, an expired one.
    const medic = (await visible(runtime, f.id, f.users.medic!)).seen;
    expect(medic.tracked_entity!.length).toBeGreaterThan(LEVELS.length);
    expect(medic.break_glass_grant!.length).toBeGreaterThan(0);
  });

  it("shows a caller whose scope is too wide for a unit set no person or ownership, and never more than the scoped role", async () => {
    const onScoped = await visible(runtime, f.id, f.users.southlead!);
    expect(onScoped.bySets).toBe(false);
    expect(onScoped.seen.tracked_entity!.length).toBeGreaterThan(0);
    const onLocal = await visible(local, f.id, f.users.southlead!);
    for (const table of ["tracked_entity", "tracked_entity_attribute_value", "program_ownership", "ownership_change"]) {
      expect(onLocal.seen[table], table).toEqual([]);
    }
    expect(shownBeyond(onLocal.seen, onScoped.seen)).toEqual(NOTHING_BEYOND);
  });

  it("shows a caller who reads every record no more than the scoped role", async () => {
    const onScoped = await visible(runtime, f.id, f.users.admin!);
    expect(onScoped.bySets).toBe(false);
    expect(shownBeyond((await visible(local, f.id, f.users.admin!)).seen, onScoped.seen)).toEqual(NOTHING_BEYOND);
  });

  it("shows nothing without a user, without a binding, or of another tenant", async () => {
    expect((await visible(local, f.id, null)).seen.tracked_entity).toEqual([]);
    const [unbound] = await local.execute<{ n: string }>(sql`select count(*) as n from tracked_entity`);
    expect(unbound!.n).toBe("0");
    // Another tenant's nurse, bound to that tenant, asking for this tenant's rows by id.
    const seen = await withTenant(local, { tenantId: other.id, userId: other.users.nurse! }, async (tx) =>
      tx.execute(sql`select id from tracked_entity where tenant_id = ${f.id} or id = ${otherPerson}`),
    );
    expect(seen.map((r) => r.id)).toEqual([otherPerson]);
    // This tenant bound with another tenant's nurse: app_bind finds no such user here.
    expect((await visible(local, f.id, other.users.nurse!)).seen.tracked_entity).toEqual([]);
  });

  it("holds exactly the scoped role's privileges", async () => {
    const scoped = await roleGrants(owner, RUNTIME_ROLE);
    expect(scoped.length).toBeGreaterThan(50);
    expect(await roleGrants(owner, LOCAL_RUNTIME_ROLE)).toEqual(scoped);
  });

  it("reuses its generic plans, as the scoped role does", async () => {
    const [row] = await local.execute<{ mode: string }>(sql`select current_setting('plan_cache_mode') as mode`);
    expect(row!.mode).toBe("force_generic_plan");
  });

  it("cannot purge the audit trail or turn row-level security off", async () => {
    const attempt = forbiddenAttempts(local);
    expect(await dbError(attempt.purge())).toMatch(/permission denied/);
    expect(await dbError(attempt.bypass())).toMatch(/row-level security/);
  });
});
