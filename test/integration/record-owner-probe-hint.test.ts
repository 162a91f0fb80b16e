import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { withTenant } from "@/db/tenant-transaction";
import { LEVELS, plantGrant, plantRecord, type PlantedRecord } from "../fixtures/records";
import { createTenantFixture, type TenantFixture } from "../fixtures/tenants";
import { testDatabases } from "./databases";

/**
 * The enrolment and event read policies hold two forms of one rule (db/migrations/0037): the
 * scope's unit sets, hashed once per statement, and a lookup of each row's owner unit, which a
 * list walking the newest rows of a wide scope asks for with app.probe_owner_units. The hint
 * must change the cost only, so these tests read every row each user can see both ways, from
 * the attacker's side too: a user out of scope, a protected record without a grant, an expired
 * grant, and a hint set to something other than 'on'. Enrolments look the owner up through a
 * function and events through a subquery (0058), so both tables are read both ways.
 */
const { owner, runtime } = testDatabases();
let f: TenantFixture;
const planted: Record<string, PlantedRecord> = {};
const UNITS = ["north-a-1", "north-a-2", "south-a-1"] as const;

type Visible = { enrollments: string[]; events: string[] };

/** The enrolments and events `userId` can read in the fixture's tenant, with `hint` as the setting. */
const visible = (userId: string, hint: string | null): Promise<Visible> =>
  withTenant(runtime, { tenantId: f.id, userId }, async (tx) => {
    const db = tx as unknown as Database;
    if (hint !== null) await db.execute(sql`select set_config('app.probe_owner_units', ${hint}, true)`);
    const [row] = await db.execute<Visible>(sql`
      select coalesce((select array_agg(id::text order by id) from enrollment where tenant_id = ${f.id}), '{}') as enrollments,
             coalesce((select array_agg(id::text order by id) from event where tenant_id = ${f.id}), '{}') as events`);
    return row!;
  });

const eventsOf = async (record: PlantedRecord) =>
  withTenant(owner, { tenantId: f.id }, async (tx) => {
    const rows = await tx.execute<{ id: string }>(sql`select id::text from event where tenant_id = ${f.id} and tracked_entity_id = ${record.personId}`);
    return rows.map((r) => r.id);
  });

beforeAll(async () => {
  f = await createTenantFixture(owner, "probe-hint");
  for (const unit of UNITS) {
    for (const level of LEVELS) {
      planted[`${level}@${unit}`] = await withTenant(owner, { tenantId: f.id }, (tx) => plantRecord(tx, f.id, f.records, level, f.units[unit]!));
    }
  }
  const granted = planted["protected@north-a-2"]!;
  await withTenant(owner, { tenantId: f.id }, (tx) =>
    plantGrant(tx, { tenantId: f.id, userId: f.users.medic!, personId: granted.personId, programId: granted.programId, ownerUnitId: f.units["north-a-2"]!, expiresInMinutes: 30 }),
  );
  await withTenant(owner, { tenantId: f.id }, (tx) =>
    plantGrant(tx, { tenantId: f.id, userId: f.users.nurse!, personId: granted.personId, programId: granted.programId, ownerUnitId: f.units["north-a-2"]!, expiresInMinutes: -1 }),
  );
});

describe("the owner-probe hint of the enrolment and event policies", () => {
  it.each(["nurse", "medic", "reviewer", "southlead", "admin"])("shows %s the same rows with and without it", async (user) => {
    const byUnitSets = await visible(f.users[user]!, null);
    expect(await visible(f.users[user]!, "on")).toEqual(byUnitSets);
    expect(await visible(f.users[user]!, "yes")).toEqual(byUnitSets);
  });

  it("keeps the rules under the hint: out of scope, protected without a grant, expired grant, closed beyond capture", async () => {
    const medic = await visible(f.users.medic!, "on");
    const nurse = await visible(f.users.nurse!, "on");
    const southlead = await visible(f.users.southlead!, "on");
    const has = (seen: Visible, key: string) => eventsOf(planted[key]!).then((ids) => ids.length > 0 && ids.every((id) => seen.events.includes(id)));
    const none = (seen: Visible, key: string) => eventsOf(planted[key]!).then((ids) => ids.every((id) => !seen.events.includes(id)));

    // Capture: every level in their own clinic.
    for (const level of LEVELS) expect(await has(nurse, `${level}@north-a-1`)).toBe(true);
    // Search scope: open and audited, not closed; protected only under an active grant.
    expect(await has(nurse, "open@north-a-2")).toBe(true);
    expect(await has(nurse, "audited@north-a-2")).toBe(true);
    expect(await none(nurse, "closed@north-a-2")).toBe(true);
    expect(await none(nurse, "protected@north-a-2")).toBe(true);
    expect(await has(medic, "protected@north-a-2")).toBe(true);
    // Another branch of the tree: nothing, either way round.
    for (const level of LEVELS) {
      expect(await none(nurse, `${level}@south-a-1`)).toBe(true);
      expect(await none(southlead, `${level}@north-a-1`)).toBe(true);
      expect(await has(southlead, `${level}@south-a-1`)).toBe(true);
    }
  });

  it("leaves a count of enrolments free to run in parallel (only events look owners up by subquery, 0058)", async () => {
    // debug_parallel_query (force_parallel_mode before PostgreSQL 16) puts a Gather on top of any
    // plan that may run in a parallel worker: a parallel-restricted term in the policy leaves none.
    const planOf = (table: "enrollment" | "event") =>
      withTenant(runtime, { tenantId: f.id, userId: f.users.reviewer! }, async (tx) => {
        const db = tx as unknown as Database;
        await db.execute(sql`select set_config(name, 'on', true) from pg_settings where name in ('debug_parallel_query', 'force_parallel_mode')`);
        const rows = await db.execute<{ "QUERY PLAN": [{ Plan: { "Node Type": string } }] }>(
          sql`explain (format json) select program_id, count(*) from ${sql.identifier(table)} where tenant_id = ${f.id} group by program_id`,
        );
        return rows[0]!["QUERY PLAN"][0].Plan["Node Type"];
      });
    // Before PostgreSQL 16 no plan holding the policies' (select …) init plans ran in parallel.
    const [server] = await owner.execute<{ version: number }>(sql`select current_setting('server_version_num')::int as version`);
    if (server!.version >= 160000) expect(await planOf("enrollment")).toBe("Gather");
    // And the check can tell: the event policy's correlated subquery is parallel-restricted.
    expect(await planOf("event")).not.toBe("Gather");
  });

  it("answers the owner lookup (SECURITY DEFINER) only for the bound tenant's units", async () => {
    const other = await createTenantFixture(owner, "probe-hint-other");
    const unit = other.units["north-a-1"]!;
    const [root] = await withTenant(owner, { tenantId: other.id }, (tx) =>
      tx.execute<{ path: string }>(sql`select path::text from org_unit where tenant_id = ${other.id} and id = ${other.units.root!}`),
    );
    const under = (tenantId: string, userId: string | undefined) =>
      withTenant(runtime, { tenantId, userId }, async (tx) => {
        const [row] = await (tx as unknown as Database).execute<{ under: boolean | null }>(
          sql`select app_unit_under(${unit}::uuid, array[${root!.path}]::ltree[]) as under`,
        );
        return row!.under;
      });
    expect(await under(other.id, other.users.nurse!)).toBe(true);
    expect(await under(f.id, f.users.admin!)).not.toBe(true);
  });
});
