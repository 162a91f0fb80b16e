import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { withTenant } from "@/db/tenant-transaction";
import { plantRecord, type Level, type PlantedRecord } from "../fixtures/records";
import { createTenantFixture, type TenantFixture } from "../fixtures/tenants";
import { callerAs } from "./callers";
import { dbError, testDatabases } from "./databases";

/**
 * Enrolments and events carry their pair's owner (issue 7), and their read policies judge that
 * copy against the caller's scope units. These tests attack the copy: a forged owner on insert,
 * a transfer that must carry the rows along, a subtree move that must change who sees them
 * without touching them, and the whole-tree shortcut, which must not cover a second root.
 */
const { owner, runtime } = testDatabases();
let f: TenantFixture;

const plant = (level: Level, unit: string): Promise<PlantedRecord> =>
  withTenant(owner, { tenantId: f.id }, (tx) => plantRecord(tx, f.id, f.records, level, f.units[unit]!));

/** Enrolments and events of a person the user can read in SQL, as the runtime role with only the two settings. */
const visibleRows = (userId: string, personId: string) =>
  withTenant(runtime, { tenantId: f.id, userId }, async (tx) => {
    const [row] = await (tx as unknown as Database).execute<{ enrollments: number; events: number }>(sql`
      select (select count(*)::int from enrollment where tracked_entity_id = ${personId}) as enrollments,
             (select count(*)::int from event where tracked_entity_id = ${personId}) as events`);
    return row!;
  });

/** The owner each enrolment and event of a person carries (read as the owner). */
const carriedOwners = (personId: string) =>
  withTenant(owner, { tenantId: f.id }, async (tx) => {
    const rows = await tx.execute<{ owner_unit_id: string }>(sql`
      select owner_unit_id from enrollment where tracked_entity_id = ${personId}
      union all select owner_unit_id from event where tracked_entity_id = ${personId}`);
    return [...new Set(rows.map((r) => r.owner_unit_id))];
  });

beforeAll(async () => {
  f = await createTenantFixture(owner, "owner-rows");
});

describe("enrolments and events carry their pair's owner", () => {
  it("takes the pair's owner on insert, whatever the caller writes", async () => {
    const record = await plant("open", "north-a-1");
    const [row] = await withTenant(runtime, { tenantId: f.id, userId: f.users.medic! }, (tx) =>
      (tx as unknown as Database).execute<{ owner_unit_id: string }>(sql`
        insert into event (tenant_id, enrollment_id, tracked_entity_id, program_id, stage_id, org_unit_id, owner_unit_id, occurred_on)
        values (${f.id}, ${record.enrollmentId}, ${record.personId}, ${record.programId}, ${f.records.programs.open.stageId},
                ${f.units["north-a-1"]!}, ${f.units["south-a-1"]!}, '2026-03-01')
        returning owner_unit_id`),
    );
    expect(row?.owner_unit_id).toBe(f.units["north-a-1"]);
  });

  it("moves them with a transfer, so the old side loses a protected record's events", async () => {
    const record = await plant("protected", "north-a-1");
    expect(await visibleRows(f.users.medic!, record.personId)).toEqual({ enrollments: 1, events: 1 });
    await callerAs(f, f.users.medic!).record.transfer({
      personId: record.personId,
      programId: record.programId,
      toUnitId: f.units["north-a-2"]!,
      reason: "Moved to another clinic",
    });
    expect(await carriedOwners(record.personId)).toEqual([f.units["north-a-2"]]);
    // Protected and now only in the medic's search scope: nothing without a grant.
    expect(await visibleRows(f.users.medic!, record.personId)).toEqual({ enrollments: 0, events: 0 });
    expect(await visibleRows(f.users.reviewer!, record.personId)).toEqual({ enrollments: 1, events: 1 });
  });

  it("checks no key of its own for the copy: the pair's key keeps the unit, and no runtime role can rewrite the copy", async () => {
    const keys = await withTenant(owner, { tenantId: f.id }, (tx) =>
      tx.execute<{ name: string }>(sql`
        select c.conname as name from pg_constraint c
        where c.contype = 'f' and c.conrelid in ('enrollment'::regclass, 'event'::regclass)
          and (select attnum from pg_attribute where attrelid = c.conrelid and attname = 'owner_unit_id') = any (c.conkey)`),
    );
    expect(keys).toEqual([]);
    const record = await plant("open", "north-a-1");
    for (const table of ["enrollment", "event"]) {
      const rewrite = withTenant(runtime, { tenantId: f.id, userId: f.users.medic! }, (tx) =>
        tx.execute(sql`update ${sql.identifier(table)} set owner_unit_id = ${f.units["south-a-1"]!} where tracked_entity_id = ${record.personId}`),
      );
      expect(await dbError(rewrite)).toMatch(/permission denied/);
    }
    const removeOwner = withTenant(owner, { tenantId: f.id }, (tx) => tx.execute(sql`delete from org_unit where tenant_id = ${f.id} and id = ${f.units["north-a-1"]!}`));
    expect(await dbError(removeOwner)).toMatch(/violates foreign key constraint/);
    expect(await carriedOwners(record.personId)).toEqual([f.units["north-a-1"]]);
  });

  it("follows a subtree move without rewriting the rows", async () => {
    const record = await plant("open", "north-a-2");
    const before = await withTenant(owner, { tenantId: f.id }, (tx) =>
      tx.execute<{ xmin: string }>(sql`select xmin::text from event where tracked_entity_id = ${record.personId}`),
    );
    expect(await visibleRows(f.users.medic!, record.personId)).toEqual({ enrollments: 1, events: 1 });
    expect(await visibleRows(f.users.southlead!, record.personId)).toEqual({ enrollments: 0, events: 0 });
    await callerAs(f, f.users.admin!).orgUnit.move({ id: f.units["north-a-2"]!, newParentId: f.units["south"]! });
    expect(await visibleRows(f.users.medic!, record.personId)).toEqual({ enrollments: 0, events: 0 });
    expect(await visibleRows(f.users.southlead!, record.personId)).toEqual({ enrollments: 1, events: 1 });
    const after = await withTenant(owner, { tenantId: f.id }, (tx) =>
      tx.execute<{ xmin: string }>(sql`select xmin::text from event where tracked_entity_id = ${record.personId}`),
    );
    expect(after).toEqual(before);
  });

  it("lets a scope over the whole tree see every owner, but not under a second root", async () => {
    const south = await plant("closed", "south-a-1");
    const [island] = await withTenant(owner, { tenantId: f.id }, (tx) =>
      tx.execute<{ id: string }>(sql`insert into org_unit (tenant_id, name, code) values (${f.id}, 'Island', 'island') returning id`),
    );
    await withTenant(owner, { tenantId: f.id }, (tx) =>
      tx.execute(sql`insert into program_org_unit (tenant_id, program_id, org_unit_id) values (${f.id}, ${f.records.programs.closed.id}, ${island!.id})`),
    );
    f.units.island = island!.id;
    const offshore = await plant("closed", "island");
    // The reviewer captures in North; give them the old root as well (not the island).
    await withTenant(owner, { tenantId: f.id }, (tx) =>
      tx.execute(sql`insert into user_scope (tenant_id, user_id, org_unit_id, kind) values (${f.id}, ${f.users.reviewer!}, ${f.units.root!}, 'capture')`),
    );
    const covers = await withTenant(runtime, { tenantId: f.id, userId: f.users.reviewer! }, async (tx) => {
      const [row] = await (tx as unknown as Database).execute<{ covers: boolean }>(sql`select app_scope_covers_tree('capture') as covers`);
      return row!.covers;
    });
    expect(covers).toBe(false);
    expect(await visibleRows(f.users.reviewer!, south.personId)).toEqual({ enrollments: 1, events: 1 });
    expect(await visibleRows(f.users.reviewer!, offshore.personId)).toEqual({ enrollments: 0, events: 0 });
    // The person and their values follow the same shortcut, decided once per statement.
    const personAndValues = (personId: string) =>
      withTenant(runtime, { tenantId: f.id, userId: f.users.reviewer! }, async (tx) => {
        const [row] = await (tx as unknown as Database).execute<{ people: number; values: number }>(sql`
          select (select count(*)::int from tracked_entity where tenant_id = ${f.id} and id = ${personId}) as people,
                 (select count(*)::int from tracked_entity_attribute_value where tenant_id = ${f.id} and tracked_entity_id = ${personId}) as values`);
        return row!;
      });
    expect(await personAndValues(offshore.personId)).toEqual({ people: 0, values: 0 });
    // With both roots the shortcut applies and every owner is covered.
    await withTenant(owner, { tenantId: f.id }, (tx) =>
      tx.execute(sql`insert into user_scope (tenant_id, user_id, org_unit_id, kind) values (${f.id}, ${f.users.reviewer!}, ${island!.id}, 'capture')`),
    );
    expect(await visibleRows(f.users.reviewer!, offshore.personId)).toEqual({ enrollments: 1, events: 1 });
    const covered = await personAndValues(offshore.personId);
    expect(covered.people).toBe(1);
    expect(covered.values).toBeGreaterThan(0);
  });
});
