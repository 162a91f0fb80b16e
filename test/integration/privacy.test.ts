import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { withTenant } from "@/db/tenant-transaction";
import { verifyChain } from "@/server/audit/verify-chain";
import { createTenantFixture, type TenantFixture } from "../fixtures/tenants";
import { plantRecord } from "../fixtures/records";
import { callerAs } from "./callers";
import { testDatabases } from "./databases";

/** Data-protection operations: subject access / portability, and erasure on request. */
const { owner } = testDatabases();
let f: TenantFixture;
let other: TenantFixture;
const admin = () => callerAs(f, f.users.admin!);

const plant = (level: "open" | "protected" = "open") =>
  withTenant(owner, { tenantId: f.id }, async (tx) => {
    const record = await plantRecord(tx, f.id, f.records, level, f.units["north-a-1"]!, { first: "Adama", last: "Sillah" });
    await tx.execute(sql`insert into tracked_entity_attribute_value (tenant_id, tracked_entity_id, attribute_id, value)
      values (${f.id}, ${record.personId}, ${f.records.attributes.village}, 'Gerihun')`);
    return record;
  });

beforeAll(async () => {
  [f, other] = await Promise.all([createTenantFixture(owner, "privacy"), createTenantFixture(owner, "privacy-other")]);
});

describe("subject access and portability", () => {
  it("exports everything held about a person as JSON, audited", async () => {
    const record = await plant();
    await callerAs(f, f.users.nurse!).record.get({ personId: record.personId });
    const exported = await admin().privacy.exportPerson({ personId: record.personId });
    expect(exported.person.attributes).toEqual({ "National ID": record.nationalId, "First name": "Adama", "Last name": "Sillah", Village: "Gerihun" });
    expect(exported.programs).toEqual([
      expect.objectContaining({
        program: "open program",
        owner: "Clinic A1",
        enrollments: [expect.objectContaining({ unit: "Clinic A1", events: [expect.objectContaining({ stage: "Visit", values: { Score: "42" } })] })],
        ownershipHistory: [expect.objectContaining({ from: null, to: "Clinic A1" })],
      }),
    ]);
    // Test callers carry the display name "Caller" (test/integration/callers.ts).
    expect(exported.accessLog.map((a) => [a.action, a.by])).toContainEqual(["record.read", "Caller"]);
    const [audit] = await withTenant(owner, { tenantId: f.id }, (tx) =>
      tx.execute<{ n: number }>(sql`select count(*)::int as n from audit_event where tenant_id = ${f.id} and action = 'record.exported' and person_id = ${record.personId}`),
    );
    expect(audit!.n).toBe(1);
  });

  it("needs the export permission, and another tenant's person is not found", async () => {
    const record = await plant();
    await expect(callerAs(f, f.users.nurse!).privacy.exportPerson({ personId: record.personId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerAs(other, other.users.admin!).privacy.exportPerson({ personId: record.personId })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("erasure on request", () => {
  it("removes identifying values, keeps a tombstone with its data for aggregates, and leaves the chain intact", async () => {
    const record = await plant();
    const result = await admin().privacy.erasePerson({ personId: record.personId, ground: "consent_withdrawn", note: "Request DPO-2026-014 by letter" });
    expect(result).toEqual({ erased: true, removedValues: 3 });
    const after = await admin().record.get({ personId: record.personId });
    expect(after.person.values).toEqual({ [f.records.attributes.village]: "Gerihun" });
    expect(after.person.erasure).toMatchObject({ ground: "consent_withdrawn" });
    expect(after.programs[0]!.enrollments[0]!.events).toHaveLength(1);
    const found = await admin().record.search({ trackedEntityTypeId: f.records.typeId, criteria: [{ attributeId: f.records.attributes.nationalId, value: record.nationalId }] });
    expect(found.people).toEqual([]);
    const [audit] = await withTenant(owner, { tenantId: f.id }, (tx) =>
      tx.execute<{ reason: string; details: { ground: string } }>(sql`select reason, details from audit_event where tenant_id = ${f.id} and action = 'record.erased' and person_id = ${record.personId}`),
    );
    expect(audit).toMatchObject({ reason: "Request DPO-2026-014 by letter", details: { ground: "consent_withdrawn" } });
    expect(JSON.stringify(await withTenant(owner, { tenantId: f.id }, (tx) => tx.execute(sql`select * from audit_event where tenant_id = ${f.id}`)))).not.toContain(record.nationalId);
    expect((await withTenant(owner, { tenantId: f.id }, (tx) => verifyChain(tx, f.id))).broken).toBeNull();
    await expect(admin().privacy.erasePerson({ personId: record.personId, ground: "consent_withdrawn", note: "Request DPO-2026-014 again" })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("needs the erase permission, a stated ground, and write access to the record", async () => {
    const record = await plant();
    await expect(callerAs(f, f.users.nurse!).privacy.erasePerson({ personId: record.personId, ground: "objection", note: "Patient objected in writing" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(admin().privacy.erasePerson({ personId: record.personId, ground: "because" as "objection", note: "Patient objected in writing" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(callerAs(other, other.users.admin!).privacy.erasePerson({ personId: record.personId, ground: "objection", note: "Patient objected in writing" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
