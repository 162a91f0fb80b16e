import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { withTenant } from "@/db/tenant-transaction";
import { plantRecord, type PlantedRecord } from "../fixtures/records";
import { createTenantFixture, type TenantFixture } from "../fixtures/tenants";
import { testDatabases } from "./databases";

/**
 * The write checks behind every write policy (app_person_writable, app_pair_writable) read the
 * person and their ownerships as the owner (migration 0042), so no read policy stands between
 * them and another tenant's rows: they must ask for the bound tenant themselves.
 */
const { owner, runtime } = testDatabases();
let f: TenantFixture;
let other: TenantFixture;
let ours: PlantedRecord;
let theirs: PlantedRecord;

type Checks = { person: boolean; pair: boolean };

/**
 * Both checks for `record`, asked of `asked` tenant by `userId` bound to `tenantId`. `cleared`
 * empties one setting first: app.bound_for makes the checks look each unit's path up instead of
 * using the bound unit sets; app.tenant_id leaves no tenant bound.
 */
async function checks(tenantId: string, userId: string, record: PlantedRecord, asked: string, cleared?: "app.bound_for" | "app.tenant_id"): Promise<Checks> {
  return withTenant(runtime, { tenantId, userId }, async (tx) => {
    const db = tx as unknown as Database;
    if (cleared) await db.execute(sql`select set_config(${cleared}, '', true)`);
    const [row] = await db.execute<Checks>(sql`select app_person_writable(${asked}::uuid, ${record.personId}::uuid) as person,
        app_pair_writable(${asked}::uuid, ${record.personId}::uuid, ${record.programId}::uuid) as pair`);
    return row!;
  });
}

beforeAll(async () => {
  f = await createTenantFixture(owner, "write-checks");
  other = await createTenantFixture(owner, "write-checks-other");
  // The same place in both trees.
  ours = await withTenant(owner, { tenantId: f.id }, (tx) => plantRecord(tx, f.id, f.records, "open", f.units["north-a-1"]!));
  theirs = await withTenant(owner, { tenantId: other.id }, (tx) => plantRecord(tx, other.id, other.records, "open", other.units["north-a-1"]!));
});

describe("the write checks", () => {
  it("read as the owner, without a search_path setting, and only the runtime roles may call them", async () => {
    const rows = await owner.execute<{ name: string; definer: boolean; config: string[] | null; public_may: boolean; app_may: boolean; wide_may: boolean }>(sql`
      select p.proname as name, p.prosecdef as definer, p.proconfig as config,
             has_function_privilege('public', p.oid, 'execute') as public_may,
             has_function_privilege('canopy_app', p.oid, 'execute') as app_may,
             has_function_privilege('canopy_app_wide', p.oid, 'execute') as wide_may
      from pg_proc p where p.pronamespace = 'public'::regnamespace and p.proname in ('app_person_writable', 'app_pair_writable')
      order by 1`);
    expect(rows).toEqual(
      ["app_pair_writable", "app_person_writable"].map((name) => ({ name, definer: true, config: null, public_may: false, app_may: true, wide_may: true })),
    );
  });

  it("answer for the caller's own tenant as before: in scope writable, with the unit sets or without", async () => {
    for (const cleared of [undefined, "app.bound_for"] as const) {
      expect(await checks(f.id, f.users.nurse!, ours, f.id, cleared)).toEqual({ person: true, pair: true });
      expect(await checks(f.id, f.users.southlead!, ours, f.id, cleared)).toEqual({ person: false, pair: false });
    }
    expect(await checks(f.id, f.users.admin!, ours, f.id)).toEqual({ person: true, pair: true });
  });

  it("refuse another tenant's person at the same place in its tree, with the unit sets or without", async () => {
    for (const cleared of [undefined, "app.bound_for"] as const) {
      expect(await checks(f.id, f.users.nurse!, theirs, other.id, cleared)).toEqual({ person: false, pair: false });
      expect(await checks(f.id, f.users.reviewer!, theirs, other.id, cleared)).toEqual({ person: false, pair: false });
    }
  });

  it("refuse another tenant's person even to a caller who writes every record", async () => {
    expect(await checks(f.id, f.users.admin!, theirs, other.id)).toEqual({ person: false, pair: false });
  });

  it("refuse everything when no tenant is bound", async () => {
    expect(await checks(f.id, f.users.admin!, ours, f.id, "app.tenant_id")).toEqual({ person: false, pair: false });
  });
});
