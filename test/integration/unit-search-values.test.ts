import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { withTenant } from "@/db/tenant-transaction";
import { abilityFor } from "@/server/access/ability";
import type { ProtectedContext } from "@/server/trpc/init";
import { searchHandler } from "@/server/trpc/routers/record/search.handler";
import { plantRecord } from "../fixtures/records";
import { createTenantFixture, type TenantFixture } from "../fixtures/tenants";
import { activeContext, callerAs } from "./callers";
import { dbError, testDatabases } from "./databases";

/**
 * unit_search_value (db/migrations/0055) files each free-text value under the units that hold its
 * person, and a search held to the capture scope reads it instead of the whole country's values.
 * It is derived data read under RLS: these tests check that it always says what the values and
 * ownerships say (after every kind of write, compared with the same rule computed from scratch),
 * that no runtime role can write it, and, from the attacker's side, that a caller reads only what
 * is filed under their own capture scope in their own tenant.
 */
const { owner, runtime, local } = testDatabases();
let f: TenantFixture;
let other: TenantFixture;

const names = (first: string, last: string) => (a: TenantFixture["records"]["attributes"]) => ({ [a.firstName]: first, [a.lastName]: last });

/** A person's entries as (unit key, attribute, value), read as the owner. */
async function filed(personId: string) {
  const unitKey = new Map(Object.entries(f.units).map(([key, id]) => [id, key]));
  const a = f.records.attributes;
  const attribute = new Map([[a.firstName, "first"], [a.lastName, "last"], [a.village, "village"]]);
  const rows = await withTenant(owner, { tenantId: f.id }, (tx) =>
    tx.execute<{ unit_id: string; attribute_id: string; search_value: string }>(sql`
      select unit_id, attribute_id, search_value from unit_search_value where tracked_entity_id = ${personId}`),
  );
  return rows.map((r) => `${unitKey.get(r.unit_id)} ${attribute.get(r.attribute_id) ?? r.attribute_id} ${r.search_value}`).sort();
}

/** Entries that differ from the rule computed from scratch over the tenant's values and holders. */
const drift = (tenantId: string) =>
  withTenant(owner, { tenantId }, (tx) =>
    tx.execute<{ person: string }>(sql`
      with expected as (
        select v.tracked_entity_id, v.attribute_id, h.unit_id, v.search_value
        from tracked_entity_attribute_value v
        join tracked_entity_attribute a on a.tenant_id = v.tenant_id and a.id = v.attribute_id and a.value_type = 'text'
        join (select o.tracked_entity_id, o.owner_unit_id from program_ownership o
              union select t.id, t.registration_unit_id from tracked_entity t where not t.ever_enrolled) h(person, unit_id)
          on h.person = v.tracked_entity_id),
      stored as (select tracked_entity_id, attribute_id, unit_id, search_value from unit_search_value)
      select coalesce(e.tracked_entity_id, s.tracked_entity_id)::text as person
      from expected e full join stored s using (tracked_entity_id, attribute_id, unit_id, search_value)
      where e.tracked_entity_id is null or s.tracked_entity_id is null`),
  );

beforeAll(async () => {
  f = await createTenantFixture(owner, "filed-values");
  other = await createTenantFixture(owner, "filed-values-other");
});

describe("values filed by unit", () => {
  it("follow registration, enrolment, a second owner, a transfer, an edit and an erasure", async () => {
    const reviewer = callerAs(f, f.users.reviewer!);
    const { personId } = await callerAs(f, f.users.nurse!).record.register({
      trackedEntityTypeId: f.records.typeId,
      orgUnitId: f.units["north-a-1"]!,
      attributes: names("Aminata", "Sesay")(f.records.attributes),
    });
    // Never enrolled: filed under the registration unit (the National ID is no free text).
    expect(await filed(personId)).toEqual(["north-a-1 first aminata", "north-a-1 last sesay"]);
    await reviewer.record.enroll({ personId, programId: f.records.programs.open.id, orgUnitId: f.units["north-a-2"]!, enrolledOn: "2026-05-01" });
    expect(await filed(personId)).toEqual(["north-a-2 first aminata", "north-a-2 last sesay"]);
    await reviewer.record.enroll({ personId, programId: f.records.programs.audited.id, orgUnitId: f.units["north-a-1"]!, enrolledOn: "2026-05-02" });
    expect(await filed(personId)).toEqual(["north-a-1 first aminata", "north-a-1 last sesay", "north-a-2 first aminata", "north-a-2 last sesay"]);
    await reviewer.record.transfer({ personId, programId: f.records.programs.open.id, toUnitId: f.units["north-a-1"]!, reason: "Closer to home now" });
    expect(await filed(personId)).toEqual(["north-a-1 first aminata", "north-a-1 last sesay"]);
    // One statement changes a value and adds one (an upsert): refiled whole, then filed, once each.
    await reviewer.record.updateAttributes({
      personId,
      attributes: { ...names("Aminata", "Sesay-Kamara")(f.records.attributes), [f.records.attributes.village]: "Kpetema" },
    });
    expect(await filed(personId)).toEqual([
      "north-a-1 first aminata",
      "north-a-1 last sesay-kamara",
      "north-a-1 village kpetema",
    ]);
    await callerAs(f, f.users.admin!).privacy.erasePerson({ personId, ground: "consent_withdrawn", note: "Request DPO-2026-031 by letter" });
    // Erasure removes the values that find a person; the village, kept on the tombstone, stays filed.
    expect(await filed(personId)).toEqual(["north-a-1 village kpetema"]);
    expect(await drift(f.id)).toEqual([]);
  });

  it("stay as they are when a subtree moves: they name units, not paths", async () => {
    const record = await withTenant(owner, { tenantId: f.id }, (tx) => plantRecord(tx, f.id, f.records, "open", f.units["south-a-1"]!, { first: "Isatu", last: "Bangura" }));
    const version = () =>
      withTenant(owner, { tenantId: f.id }, (tx) => tx.execute<{ xmin: string }>(sql`select xmin::text from unit_search_value where tracked_entity_id = ${record.personId} order by id`));
    const before = await version();
    await callerAs(f, f.users.admin!).orgUnit.move({ id: f.units["south-a"]!, newParentId: f.units["north"]! });
    expect(await version()).toEqual(before);
    expect(await drift(f.id)).toEqual([]);
    await callerAs(f, f.users.admin!).orgUnit.move({ id: f.units["south-a"]!, newParentId: f.units["south"]! });
  });

  it("cannot be written by any runtime role", async () => {
    const record = await withTenant(owner, { tenantId: f.id }, (tx) => plantRecord(tx, f.id, f.records, "open", f.units["north-a-1"]!, { first: "Hawa", last: "Conteh" }));
    const writes = [
      sql`insert into unit_search_value (tenant_id, unit_id, attribute_id, search_value, tracked_entity_id)
          values (${f.id}, ${f.units["north-a-1"]!}, ${f.records.attributes.lastName}, 'forged', ${record.personId})`,
      sql`update unit_search_value set unit_id = ${f.units["south-a-1"]!} where tracked_entity_id = ${record.personId}`,
      sql`delete from unit_search_value where tracked_entity_id = ${record.personId}`,
    ];
    for (const db of [runtime, local]) {
      for (const write of writes) {
        expect(await dbError(withTenant(db, { tenantId: f.id, userId: f.users.medic! }, (tx) => tx.execute(write)))).toMatch(/permission denied/);
      }
    }
    expect(await filed(record.personId)).toEqual(["north-a-1 first hawa", "north-a-1 last conteh"]);
  });
});

describe("reading filed values, from the attacker's side", () => {
  /** The people whose values `userId` reads in unit_search_value, on `db`, asking for `tenantId`'s rows. */
  const readable = (db: Database, userId: string, tenantId = f.id) =>
    withTenant(db, { tenantId: f.id, userId }, async (tx) => {
      const rows = await tx.execute<{ person: string }>(sql`select distinct tracked_entity_id::text as person from unit_search_value where tenant_id = ${tenantId}`);
      return new Set(rows.map((r) => r.person));
    });

  it("shows each caller only what is filed under their capture scope, in their own tenant", async () => {
    const plant = (unit: string, last: string) =>
      withTenant(owner, { tenantId: f.id }, (tx) => plantRecord(tx, f.id, f.records, "closed", f.units[unit]!, { first: "Kadiatu", last }));
    const inCapture = await plant("north-a-1", "Turay capture");
    const inSearchOnly = await plant("north-a-2", "Turay search");
    const outside = await plant("north-b", "Turay outside");
    await withTenant(owner, { tenantId: other.id }, (tx) => plantRecord(tx, other.id, other.records, "open", other.units["north-a-1"]!, { first: "Kadiatu", last: "Turay elsewhere" }));

    // The nurse captures in Clinic A1 and searches North A: filed values follow capture only.
    for (const db of [runtime, local]) {
      const nurse = await readable(db, f.users.nurse!);
      expect(nurse.has(inCapture.personId)).toBe(true);
      expect(nurse.has(inSearchOnly.personId)).toBe(false);
      expect(nurse.has(outside.personId)).toBe(false);
    }
    // The reviewer captures all of North (not a small scope: the hashed set of its units).
    const reviewer = await readable(runtime, f.users.reviewer!);
    expect([inCapture, inSearchOnly, outside].map((r) => reviewer.has(r.personId))).toEqual([true, true, true]);
    // Another tenant's rows, asked for by their tenant id: none.
    expect((await readable(runtime, f.users.reviewer!, other.id)).size).toBe(0);
    expect((await readable(runtime, f.users.admin!, other.id)).size).toBe(0);
  });
});

describe("a search held to the capture scope", () => {
  const search = (userId: string, value: string, filedUnits?: number) =>
    withTenant(runtime, { tenantId: f.id, userId }, async (tx, bound) => {
      const ctx = { ...activeContext(f, userId), db: tx, ability: abilityFor(bound.permissions), metadataVersion: bound.metadataVersion } as ProtectedContext;
      const found = await searchHandler({ ctx, input: { trackedEntityTypeId: f.records.typeId, criteria: [{ attributeId: f.records.attributes.lastName, value }], limit: 50 } }, filedUnits);
      expect(found.beyondCapture).toBe(false);
      return found.people.map((p) => p.attributes[f.records.attributes.lastName]).sort();
    });

  it("finds from filed values exactly what walking every match finds, and a person of two owners once", async () => {
    const medic = callerAs(f, f.users.medic!);
    const { personId } = await medic.record.register({
      trackedEntityTypeId: f.records.typeId,
      orgUnitId: f.units["north-a-1"]!,
      attributes: names("Fatmata", "Jalloh two owners")(f.records.attributes),
      enrollment: { programId: f.records.programs.open.id, enrolledOn: "2026-06-01" },
    });
    await medic.record.enroll({ personId, programId: f.records.programs.audited.id, orgUnitId: f.units["north-a-1"]!, enrolledOn: "2026-06-02" });
    await medic.record.transfer({ personId, programId: f.records.programs.audited.id, toUnitId: f.units["north-a-2"]!, reason: "Seen at the other clinic" });
    await medic.record.register({ trackedEntityTypeId: f.records.typeId, orgUnitId: f.units["north-a-1"]!, attributes: names("Fatmata", "Jalloh unenrolled")(f.records.attributes) });
    await withTenant(owner, { tenantId: f.id }, async (tx) => {
      await plantRecord(tx, f.id, f.records, "protected", f.units["north-a-2"]!, { first: "Fatmata", last: "Jalloh search scope" });
      await plantRecord(tx, f.id, f.records, "open", f.units["south-a-1"]!, { first: "Fatmata", last: "Jalloh south" });
    });
    expect(await filed(personId)).toHaveLength(4);

    // The nurse: capture Clinic A1, search North A (the walk needs the capture clause).
    const nurse = await search(f.users.nurse!, "jalloh");
    expect(nurse).toEqual(["Jalloh two owners", "Jalloh unenrolled"]);
    expect(await search(f.users.nurse!, "jalloh", 0)).toEqual(nurse);
    // The reviewer: capture North, no search scope (the walk is held by the policies alone).
    const reviewer = await search(f.users.reviewer!, "jalloh");
    expect(reviewer).toEqual(["Jalloh search scope", "Jalloh two owners", "Jalloh unenrolled"]);
    expect(await search(f.users.reviewer!, "jalloh", 0)).toEqual(reviewer);
  });
});
