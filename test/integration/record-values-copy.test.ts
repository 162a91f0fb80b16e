import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { withTenant } from "@/db/tenant-transaction";
import { abilityFor } from "@/server/access/ability";
import type { ProtectedContext } from "@/server/trpc/init";
import { registerHandler } from "@/server/trpc/routers/record/register.handler";
import { createTenantFixture, type TenantFixture } from "../fixtures/tenants";
import { activeContext, callerAs } from "./callers";
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

/** How many people hold `value` in any attribute, read as the owner. */
const peopleHolding = async (value: string) => {
  const [row] = await withTenant(owner, { tenantId: f.id }, (tx) =>
    tx.execute<{ n: number }>(sql`select count(*)::int as n from tracked_entity where tenant_id = ${f.id} and attribute_values::text like ${`%${value}%`}`),
  );
  return row!.n;
};

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

  it("cannot be forged by the runtime role, at insert or after", async () => {
    const forged = { [f.records.attributes.nationalId]: "SL-FORGED" };
    const plant = withTenant(runtime, { tenantId: f.id, userId: f.users.nurse! }, (tx) =>
      (tx as unknown as Database).execute(sql`
        insert into tracked_entity (tenant_id, tracked_entity_type_id, registration_unit_id, attribute_values)
        values (${f.id}, ${f.records.typeId}, ${f.units["north-a-1"]!}, ${JSON.stringify(forged)}::jsonb)`),
    );
    expect(await dbError(plant)).toBe("A person's row must hold exactly the values written for them.");
    expect(await peopleHolding("SL-FORGED")).toBe(0);

    const personId = await register("Adama", "Turay");
    const forge = withTenant(runtime, { tenantId: f.id, userId: f.users.nurse! }, (tx) =>
      (tx as unknown as Database).execute(sql`
        update tracked_entity set attribute_values = '{}'::jsonb where tenant_id = ${f.id} and id = ${personId}`),
    );
    expect(await dbError(forge)).toMatch(/permission denied/);
    expect((await copyAndRows(personId)).copy).toEqual(names("Adama", "Turay"));
  });
});

/**
 * A new person's row is inserted as it will be at commit (db/migrations/0050): the copy of their
 * values and ever_enrolled filled, so the row is written once, and checked at commit against the
 * value and ownership rows — which a writer cannot escape by binding another tenant first.
 */
describe("a person's row filled at insert", () => {
  const unit = () => f.units["north-a-1"]!;
  /** As the nurse, in one transaction: `work`, then commit. */
  const asNurse = (work: (tx: Database) => Promise<unknown>) =>
    withTenant(runtime, { tenantId: f.id, userId: f.users.nurse! }, (tx) => work(tx as unknown as Database));
  const insertPerson = (tx: Database, id: string, copy: Record<string, string>, enrolled: boolean) =>
    tx.execute(sql`
      insert into tracked_entity (tenant_id, id, tracked_entity_type_id, registration_unit_id, attribute_values, ever_enrolled)
      values (${f.id}, ${id}, ${f.records.typeId}, ${unit()}, ${JSON.stringify(copy)}::jsonb, ${enrolled})`);
  const insertValues = (tx: Database, id: string, values: Record<string, string>) =>
    tx.execute(sql`
      insert into tracked_entity_attribute_value (tenant_id, tracked_entity_id, attribute_id, value)
      select ${f.id}, ${id}, (v).key::uuid, (v).value from jsonb_each_text(${JSON.stringify(values)}::jsonb) as v`);
  const exists = async (id: string) =>
    (await withTenant(owner, { tenantId: f.id }, (tx) => tx.execute(sql`select 1 from tracked_entity where tenant_id = ${f.id} and id = ${id}`))).length === 1;

  it("is written once by a registration, with an enrolment or without", async () => {
    const a = f.records.attributes;
    for (const enrollment of [undefined, { programId: f.records.programs.open.id, enrolledOn: "2026-05-01" }]) {
      const { updates, personId } = await withTenant(runtime, { tenantId: f.id, userId: f.users.nurse! }, async (tx, bound) => {
        // The backend's counts not yet reported (earlier transactions' too), before and after.
        const updated = async () =>
          (await tx.execute<{ n: number }>(sql`select pg_stat_get_xact_tuples_updated('tracked_entity'::regclass)::int as n`))[0]!.n;
        const before = await updated();
        const ctx = { ...activeContext(f, f.users.nurse!), db: tx, ability: abilityFor(bound.permissions), metadataVersion: bound.metadataVersion } as ProtectedContext;
        const { personId } = await registerHandler({
          ctx,
          input: { trackedEntityTypeId: f.records.typeId, orgUnitId: unit(), attributes: { [a.firstName]: "Hawa", [a.lastName]: "Jalloh" }, enrollment },
        });
        return { updates: (await updated()) - before, personId };
      });
      expect(updates).toBe(0);
      expect(await copyAndRows(personId)).toEqual({ copy: names("Hawa", "Jalloh"), rows: names("Hawa", "Jalloh") });
      const [row] = await withTenant(owner, { tenantId: f.id }, (tx) =>
        tx.execute<{ ever_enrolled: boolean }>(sql`select ever_enrolled from tracked_entity where tenant_id = ${f.id} and id = ${personId}`),
      );
      expect(row!.ever_enrolled).toBe(enrollment !== undefined);
    }
  });

  it("commits when the values written match the copy, later changes in the transaction included", async () => {
    const id = crypto.randomUUID();
    await asNurse(async (tx) => {
      await insertPerson(tx, id, names("Sia", "Kanu"), false);
      await insertValues(tx, id, names("Sia", "Kanu"));
      await tx.execute(sql`update tracked_entity_attribute_value set value = 'Kallon'
                           where tenant_id = ${f.id} and tracked_entity_id = ${id} and attribute_id = ${f.records.attributes.lastName}`);
    });
    expect(await copyAndRows(id)).toEqual({ copy: names("Sia", "Kallon"), rows: names("Sia", "Kallon") });
  });

  it("holds exactly the values at commit, or the transaction fails", async () => {
    const outcome = async (copy: Record<string, string>, written: Record<string, string> | null) => {
      const id = crypto.randomUUID();
      const error = await dbError(
        asNurse(async (tx) => {
          await insertPerson(tx, id, copy, false);
          if (written) await insertValues(tx, id, written);
        }),
      );
      return error === "no error" ? (await copyAndRows(id)).copy : { error, kept: await exists(id) };
    };
    const refused = { error: "A person's row must hold exactly the values written for them.", kept: false };
    // A copy that says more than the values written, or anything with no values at all: refused.
    expect(await outcome(names("Sia", "Kanu", "SL-7101"), names("Sia", "Kanu"))).toEqual(refused);
    expect(await outcome(names("Sia", "Kanu"), null)).toEqual(refused);
    // Values the copy lacks or states otherwise are copied over it as they are inserted.
    expect(await outcome(names("Sia", "Kanu"), names("Sia", "Kanu", "SL-7102"))).toEqual(names("Sia", "Kanu", "SL-7102"));
    expect(await outcome(names("Sia", "Kanu"), names("Sia", "Conteh"))).toEqual(names("Sia", "Conteh"));
  });

  it("is refused at commit when marked enrolled without a program holding the person", async () => {
    const id = crypto.randomUUID();
    const attempt = asNurse(async (tx) => {
      await insertPerson(tx, id, {}, true);
    });
    // Before 0050 such a row committed: a person no search scope reaches, owned by no program.
    expect(await dbError(attempt)).toBe("A person is marked enrolled only once a program holds them.");
    expect(await exists(id)).toBe(false);
  });

  it("is still checked when the transaction binds another tenant before committing", async () => {
    const id = crypto.randomUUID();
    const attempt = asNurse(async (tx) => {
      await insertPerson(tx, id, { [f.records.attributes.nationalId]: "SL-REBOUND" }, false);
      await tx.execute(sql`select set_config('app.tenant_id', ${crypto.randomUUID()}, true)`);
    });
    expect(await dbError(attempt)).toBe("A person's row must hold exactly the values written for them.");
    expect(await exists(id)).toBe(false);
  });
});
