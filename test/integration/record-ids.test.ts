import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { withTenant } from "@/db/tenant-transaction";
import { createTenantFixture, type TenantFixture } from "../fixtures/tenants";
import { callerAs } from "./callers";
import { testDatabases } from "./databases";

/**
 * Ids stamped with their UTC day (db/record-id.ts, migration 0048): the ids a handler picks and
 * those the database's defaults make carry the same day in their first 48 bits, version 7, and
 * nothing finer — one capture's rows written as the runtime role, read back as the owner.
 */
const { owner } = testDatabases();
let f: TenantFixture;

beforeAll(async () => {
  f = await createTenantFixture(owner, "record-ids");
});

describe("record ids", () => {
  it("of one capture's every row carry the day it was made, and only the day", async () => {
    const nurse = callerAs(f, f.users.nurse!);
    const a = f.records.attributes;
    const { personId, enrollmentId } = await nurse.record.register({
      trackedEntityTypeId: f.records.typeId,
      orgUnitId: f.units["north-a-1"]!,
      attributes: { [a.firstName]: "Kadiatu", [a.lastName]: "Bangura", [a.nationalId]: "SL-7007" },
      enrollment: { programId: f.records.programs.open.id, enrolledOn: "2026-05-01" },
    });
    const program = f.records.programs.open;
    const { eventId } = await nurse.record.createEvent({ enrollmentId: enrollmentId!, stageId: program.stageId, orgUnitId: f.units["north-a-1"]!, occurredOn: "2026-05-02", values: { [program.elementId]: "12" } });

    const rows = await withTenant(owner, { tenantId: f.id }, (tx) =>
      tx.execute<{ source: string; id: string; today: string }>(sql`
        with ids (source, id) as (
          select 'person', id from tracked_entity where tenant_id = ${f.id} and id = ${personId}
          union all select 'value', id from tracked_entity_attribute_value where tenant_id = ${f.id} and tracked_entity_id = ${personId}
          union all select 'owner', id from program_ownership where tenant_id = ${f.id} and tracked_entity_id = ${personId}
          union all select 'ownership change', id from ownership_change where tenant_id = ${f.id} and tracked_entity_id = ${personId}
          union all select 'enrolment', id from enrollment where tenant_id = ${f.id} and id = ${enrollmentId}
          union all select 'event', id from event where tenant_id = ${f.id} and id = ${eventId}
          union all select 'audit', id from audit_event where tenant_id = ${f.id} and person_id = ${personId}
        )
        select source, id::text, to_char(now() at time zone 'UTC', 'YYYY-MM-DD') as today from ids`),
    );
    expect(new Set(rows.map((r) => r.source))).toEqual(new Set(["person", "value", "owner", "ownership change", "enrolment", "event", "audit"]));
    for (const row of rows) {
      const stamp = Number.parseInt(row.id.replaceAll("-", "").slice(0, 12), 16);
      expect({ source: row.source, version: row.id[14], stamp: new Date(stamp).toISOString() }).toEqual({
        source: row.source,
        version: "7",
        stamp: `${row.today}T00:00:00.000Z`,
      });
    }
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
  });
});
