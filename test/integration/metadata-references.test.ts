import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { withTenant } from "@/db/tenant-transaction";
import { abilityFor } from "@/server/access/ability";
import type { ProtectedContext } from "@/server/trpc/init";
import { createEventHandler } from "@/server/trpc/routers/record/event.handler";
import { registerHandler } from "@/server/trpc/routers/record/register.handler";
import { createTenantFixture, type TenantFixture } from "../fixtures/tenants";
import { activeContext, callerAs } from "./callers";
import { dbError, testDatabases } from "./databases";

/**
 * Records point at shared metadata (a value's attribute, a person's kind of record, an
 * ownership's program, an event's stage) without foreign keys, which locked the same rows for
 * every writer of a tenant (db/migrations/0051), and their audit seals leave the tenant's row
 * alone (0052). What the keys guaranteed must still hold: a reference to nothing is refused,
 * and metadata is never deleted.
 */
const { owner, runtime } = testDatabases();
let f: TenantFixture;

beforeAll(async () => {
  f = await createTenantFixture(owner, "metadata-refs");
});

/** As the nurse, in one transaction: `work`, then commit. */
const asNurse = (work: (tx: Database) => Promise<unknown>) =>
  withTenant(runtime, { tenantId: f.id, userId: f.users.nurse! }, (tx) => work(tx as unknown as Database));

/** Whether the owner can take `FOR UPDATE` on the row right now, without waiting. */
const lockable = (table: string, id: string) =>
  withTenant(owner, { tenantId: f.id }, async (tx) => {
    const attempt = tx.execute(sql`select 1 from ${sql.identifier(table)} where tenant_id = ${f.id} and id = ${id} for update nowait`);
    return (await dbError(attempt)) === "no error";
  });

describe("records and the metadata they point at", () => {
  it("are written without locking the metadata rows every writer shares", async () => {
    const program = f.records.programs.open;
    const a = f.records.attributes;
    const unit = f.units["north-a-1"]!;
    const shared = [
      ["tracked_entity_type", f.records.typeId],
      ["tracked_entity_attribute", a.firstName],
      ["tracked_entity_attribute", a.lastName],
      ["program", program.id],
      ["program_stage", program.stageId],
    ] as const;
    const locks = await withTenant(runtime, { tenantId: f.id, userId: f.users.nurse! }, async (tx, bound) => {
      const ctx = { ...activeContext(f, f.users.nurse!), db: tx, ability: abilityFor(bound.permissions), metadataVersion: bound.metadataVersion } as ProtectedContext;
      const { enrollmentId } = await registerHandler({
        ctx,
        input: { trackedEntityTypeId: f.records.typeId, orgUnitId: unit, attributes: { [a.firstName]: "Kadie", [a.lastName]: "Sesay" }, enrollment: { programId: program.id, enrolledOn: "2026-05-01" } },
      });
      await createEventHandler({ ctx, input: { enrollmentId: enrollmentId!, stageId: program.stageId, orgUnitId: unit, occurredOn: "2026-05-02", values: { [program.elementId]: "12" } } });
      // The capture is still open: a foreign key would hold KEY SHARE on each row until it ends.
      return Promise.all(shared.map(([table, id]) => lockable(table, id)));
    });
    expect(locks).toEqual(shared.map(() => true));
  });

  it("are sealed into the audit trail without locking the tenant's row", async () => {
    // The row's xmax names the last transaction that locked or updated it; nothing else in this
    // file's tenant touches it while the registration (three audit events, one lane) commits.
    const xmax = async () =>
      (await withTenant(owner, { tenantId: f.id }, (tx) => tx.execute<{ xmax: string }>(sql`select xmax::text from tenant where id = ${f.id}`)))[0]!.xmax;
    const before = await xmax();
    await callerAs(f, f.users.nurse!).record.register({
      trackedEntityTypeId: f.records.typeId,
      orgUnitId: f.units["north-a-1"]!,
      attributes: { [f.records.attributes.firstName]: "Isha", [f.records.attributes.lastName]: "Conteh" },
      enrollment: { programId: f.records.programs.open.id, enrolledOn: "2026-05-01" },
    });
    expect(await xmax()).toBe(before);
  });

  it("refuses a reference to metadata that does not exist, and an event at another program's stage", async () => {
    const unit = f.units["north-a-1"]!;
    const missing = crypto.randomUUID();
    const { personId } = await callerAs(f, f.users.nurse!).record.register({
      trackedEntityTypeId: f.records.typeId,
      orgUnitId: unit,
      attributes: { [f.records.attributes.firstName]: "Abu", [f.records.attributes.lastName]: "Kargbo" },
      enrollment: { programId: f.records.programs.open.id, enrolledOn: "2026-05-01" },
    });
    const [enrolment] = await withTenant(owner, { tenantId: f.id }, (tx) =>
      tx.execute<{ id: string }>(sql`select id from enrollment where tenant_id = ${f.id} and tracked_entity_id = ${personId}`),
    );
    const attempts: [string, (tx: Database) => Promise<unknown>][] = [
      ["That attribute does not exist.", (tx) => tx.execute(sql`insert into tracked_entity_attribute_value (tenant_id, tracked_entity_id, attribute_id, value) values (${f.id}, ${personId}, ${missing}, 'x')`)],
      ["That kind of record does not exist.", (tx) => tx.execute(sql`insert into tracked_entity (tenant_id, tracked_entity_type_id, registration_unit_id) values (${f.id}, ${missing}, ${unit})`)],
      ["That program does not exist.", (tx) => tx.execute(sql`insert into program_ownership (tenant_id, tracked_entity_id, program_id, owner_unit_id) values (${f.id}, ${personId}, ${missing}, ${unit})`)],
      [
        "That stage is not one of the event's program.",
        (tx) =>
          tx.execute(sql`insert into event (tenant_id, enrollment_id, tracked_entity_id, program_id, stage_id, org_unit_id, occurred_on)
                         values (${f.id}, ${enrolment!.id}, ${personId}, ${f.records.programs.open.id}, ${f.records.programs.audited.stageId}, ${unit}, '2026-05-02')`),
      ],
    ];
    for (const [message, attempt] of attempts) expect(await dbError(asNurse(attempt))).toBe(message);
    const [counts] = await withTenant(owner, { tenantId: f.id }, (tx) =>
      tx.execute<{ values: number; events: number }>(sql`
        select (select count(*)::int from tracked_entity_attribute_value where tenant_id = ${f.id} and tracked_entity_id = ${personId}) as values,
               (select count(*)::int from event where tenant_id = ${f.id} and tracked_entity_id = ${personId}) as events`),
    );
    expect(counts).toEqual({ values: 2, events: 0 });
  });

  it("never deletes metadata, even a row nothing points at yet", async () => {
    const [unused] = await withTenant(owner, { tenantId: f.id }, (tx) =>
      tx.execute<{ id: string }>(sql`insert into tracked_entity_attribute (tenant_id, tracked_entity_type_id, name, value_type) values (${f.id}, ${f.records.typeId}, 'Unused', 'text') returning id`),
    );
    for (const [table, id] of [
      ["tracked_entity_attribute", unused!.id],
      ["tracked_entity_type", f.records.typeId],
      ["program", f.records.programs.closed.id],
      ["program_stage", f.records.programs.closed.stageId],
    ] as const) {
      const attempt = withTenant(owner, { tenantId: f.id }, (tx) => tx.execute(sql`delete from ${sql.identifier(table)} where tenant_id = ${f.id} and id = ${id}`));
      expect(await dbError(attempt)).toBe(`${table} rows are retired, never deleted: records point at them.`);
    }
  });
});
