import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { withTenant } from "@/db/tenant-transaction";
import { createTenantFixture, type TenantFixture } from "../fixtures/tenants";
import { callerAs } from "./callers";
import { dbError, testDatabases } from "./databases";

/**
 * A person's row carries a copy of their attribute values (issue 7: opening a record reads one
 * row under one policy). The value rows stay the source of truth, so these tests compare the
 * copy with them after every kind of write, race two writers on one person, and try to forge
 * the copy as the runtime role.
 */
const { owner, runtime } = testDatabases();
let f: TenantFixture;
const nurse = () => callerAs(f, f.users.nurse!);

const names = (first: string, last: string, nationalId?: string) => ({
  [f.records.attributes.firstName]: first,
  [f.records.attributes.lastName]: last,
  ...(nationalId ? { [f.records.attributes.nationalId]: nationalId } : {}),
});

/** The copy on the person row and the value rows, read as the owner. */
const copyAndRows = (personId: string) =>
  withTenant(owner, { tenantId: f.id }, async (tx) => {
    const [person] = await tx.execute<{ attribute_values: Record<string, string> }>(
      sql`select attribute_values from tracked_entity where tenant_id = ${f.id} and id = ${personId}`,
    );
    const rows = await tx.execute<{ attribute_id: string; value: string }>(
      sql`select attribute_id, value from tracked_entity_attribute_value where tenant_id = ${f.id} and tracked_entity_id = ${personId}`,
    );
    return { copy: person!.attribute_values, rows: Object.fromEntries(rows.map((r) => [r.attribute_id, r.value])) };
  });

const register = async (first: string, last: string, nationalId?: string) =>
  (await nurse().record.register({ trackedEntityTypeId: f.records.typeId, orgUnitId: f.units["north-a-1"]!, attributes: names(first, last, nationalId) })).personId;

beforeAll(async () => {
  f = await createTenantFixture(owner, "values-copy");
});

describe("the person row's copy of their values", () => {
  it("equals the value rows after registering, changing, removing and erasing", async () => {
    const personId = await register("Mariama", "Bangura", "SL-7001");
    let state = await copyAndRows(personId);
    expect(state.copy).toEqual(names("Mariama", "Bangura", "SL-7001"));
    expect(state.copy).toEqual(state.rows);

    await nurse().record.updateAttributes({ personId, attributes: { ...names("Mariama", "Kanu"), [f.records.attributes.village]: "Bo" } });
    state = await copyAndRows(personId);
    expect(state.copy).toEqual({ ...names("Mariama", "Kanu"), [f.records.attributes.village]: "Bo" });
    expect(state.copy).toEqual(state.rows);
    expect((await nurse().record.get({ personId })).person.values).toEqual(state.rows);

    await callerAs(f, f.users.admin!).privacy.erasePerson({ personId, ground: "consent_withdrawn", note: "Request DPO-2026-099 by letter" });
    state = await copyAndRows(personId);
    expect(state.copy).toEqual({ [f.records.attributes.village]: "Bo" });
    expect(state.copy).toEqual(state.rows);
  });

  it("copies every value of a statement that writes several people's values, new and changed", async () => {
    const first = await register("Isatu", "Sesay");
    const second = await register("Alhaji", "Kamara");
    const a = f.records.attributes;
    await withTenant(runtime, { tenantId: f.id, userId: f.users.nurse! }, (tx) =>
      (tx as unknown as Database).execute(sql`
        insert into tracked_entity_attribute_value (tenant_id, tracked_entity_id, attribute_id, value)
        values (${f.id}, ${first}, ${a.village}, 'Kenema'), (${f.id}, ${first}, ${a.lastName}, 'Bangura'),
               (${f.id}, ${second}, ${a.village}, 'Makeni'), (${f.id}, ${second}, ${a.nationalId}, 'SL-7002')
        on conflict (tenant_id, tracked_entity_id, attribute_id) do update set value = excluded.value`),
    );
    for (const [personId, expected] of [
      [first, { ...names("Isatu", "Bangura"), [a.village]: "Kenema" }],
      [second, { ...names("Alhaji", "Kamara", "SL-7002"), [a.village]: "Makeni" }],
    ] as const) {
      const state = await copyAndRows(personId);
      expect(state.copy).toEqual(expected);
      expect(state.copy).toEqual(state.rows);
    }
  });

  it("keeps both of two writers' changes to one person", async () => {
    const personId = await register("Fatmata", "Koroma");
    const write = (attributeId: string, value: string, hold: number) =>
      withTenant(runtime, { tenantId: f.id, userId: f.users.nurse! }, async (tx) => {
        await (tx as unknown as Database).execute(sql`
          update tracked_entity_attribute_value set value = ${value}
          where tenant_id = ${f.id} and tracked_entity_id = ${personId} and attribute_id = ${attributeId}`);
        await new Promise((resolve) => setTimeout(resolve, hold));
      });
    // The first holds its row lock on the person while the second waits for it, then applies its own change.
    await Promise.all([write(f.records.attributes.firstName, "Fatu", 300), new Promise((r) => setTimeout(r, 50)).then(() => write(f.records.attributes.lastName, "Conteh", 0))]);
    const state = await copyAndRows(personId);
    expect(state.copy).toEqual(names("Fatu", "Conteh"));
    expect(state.copy).toEqual(state.rows);
  });

  it("cannot be forged by the runtime role", async () => {
    const [planted] = await withTenant(runtime, { tenantId: f.id, userId: f.users.nurse! }, (tx) =>
      (tx as unknown as Database).execute<{ id: string; attribute_values: Record<string, string> }>(sql`
        insert into tracked_entity (tenant_id, tracked_entity_type_id, registration_unit_id, attribute_values)
        values (${f.id}, ${f.records.typeId}, ${f.units["north-a-1"]!}, ${JSON.stringify({ [f.records.attributes.nationalId]: "SL-FORGED" })}::jsonb)
        returning id, attribute_values`),
    );
    expect(planted!.attribute_values).toEqual({});
    const personId = await register("Adama", "Turay");
    const forge = withTenant(runtime, { tenantId: f.id, userId: f.users.nurse! }, (tx) =>
      (tx as unknown as Database).execute(sql`
        update tracked_entity set attribute_values = '{}'::jsonb where tenant_id = ${f.id} and id = ${personId}`),
    );
    expect(await dbError(forge)).toMatch(/permission denied/);
    expect((await copyAndRows(personId)).copy).toEqual(names("Adama", "Turay"));
  });
});
