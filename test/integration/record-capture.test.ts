import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { withTenant } from "@/db/tenant-transaction";
import { abilityFor } from "@/server/access/ability";
import type { ProtectedContext } from "@/server/trpc/init";
import { searchHandler } from "@/server/trpc/routers/record/search.handler";
import { createTenantFixture, type TenantFixture } from "../fixtures/tenants";
import { plantRecord } from "../fixtures/records";
import { activeContext, callerAs } from "./callers";
import { testDatabases } from "./databases";

/** Capture and find: registering, enrolling, events, uniqueness, search rules, grants ended and reviewed. */
const { owner, runtime } = testDatabases();
let f: TenantFixture;
const nurse = () => callerAs(f, f.users.nurse!);
const medic = () => callerAs(f, f.users.medic!);

const names = (first: string, last: string, nationalId?: string) => ({
  [f.records.attributes.firstName]: first,
  [f.records.attributes.lastName]: last,
  ...(nationalId ? { [f.records.attributes.nationalId]: nationalId } : {}),
});

beforeAll(async () => {
  f = await createTenantFixture(owner, "capture");
});

describe("registering and enrolling", () => {
  it("registers a person at a capture-scope unit, audited without the values", async () => {
    const { personId } = await nurse().record.register({ trackedEntityTypeId: f.records.typeId, orgUnitId: f.units["north-a-1"]!, attributes: names("Isatu", "Conteh", "SL-1001") });
    const record = await nurse().record.get({ personId });
    expect(record.person.values[f.records.attributes.lastName]).toBe("Conteh");
    const [audit] = await withTenant(owner, { tenantId: f.id }, (tx) =>
      tx.execute<{ details: unknown }>(sql`select details from audit_event where tenant_id = ${f.id} and action = 'record.registered' and subject_id = ${personId}`),
    );
    expect(JSON.stringify(audit!.details)).not.toContain("Conteh");
  });

  it("refuses a unit outside the capture scope, a closed unit, and invalid values — changing nothing", async () => {
    const count = async () =>
      (await withTenant(owner, { tenantId: f.id }, (tx) => tx.execute<{ n: number }>(sql`select count(*)::int as n from tracked_entity where tenant_id = ${f.id}`)))[0]!.n;
    const before = await count();
    await expect(nurse().record.register({ trackedEntityTypeId: f.records.typeId, orgUnitId: f.units["north-a-2"]!, attributes: names("A", "B") })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "Clinic A2 is outside your capture scope; you can record data only in your capture scope.",
    });
    await withTenant(owner, { tenantId: f.id }, (tx) => tx.execute(sql`update org_unit set closed_date = current_date where tenant_id = ${f.id} and code = 'north-a-1'`));
    await expect(nurse().record.register({ trackedEntityTypeId: f.records.typeId, orgUnitId: f.units["north-a-1"]!, attributes: names("A", "B") })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Clinic A1 is closed (or not yet open) and takes no new data.",
    });
    await withTenant(owner, { tenantId: f.id }, (tx) => tx.execute(sql`update org_unit set closed_date = null where tenant_id = ${f.id} and code = 'north-a-1'`));
    await expect(
      nurse().record.register({ trackedEntityTypeId: f.records.typeId, orgUnitId: f.units["north-a-1"]!, attributes: { [f.records.attributes.firstName]: "Only first" } }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", cause: { issues: [{ path: [f.records.attributes.lastName], message: "Last name is required." }] } });
    // Read together, judged in order: invalid values are named before an out-of-scope unit.
    await expect(
      nurse().record.register({ trackedEntityTypeId: f.records.typeId, orgUnitId: f.units["north-a-2"]!, attributes: { [f.records.attributes.firstName]: "Only first" } }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", cause: { issues: [{ path: [f.records.attributes.lastName], message: "Last name is required." }] } });
    expect(await count()).toBe(before);
  });

  it("enforces unique values across the tenant without saying whose record holds one", async () => {
    // The holder is outside the nurse's scopes: she learns only that the ID is taken.
    const hidden = await withTenant(owner, { tenantId: f.id }, (tx) => plantRecord(tx, f.id, f.records, "closed", f.units["south-a-1"]!));
    const rows = async () =>
      (
        await withTenant(owner, { tenantId: f.id }, (tx) =>
          tx.execute<{ people: number; owners: number; enrolments: number; audited: number }>(sql`
            select (select count(*)::int from tracked_entity where tenant_id = ${f.id}) as people,
                   (select count(*)::int from program_ownership where tenant_id = ${f.id}) as owners,
                   (select count(*)::int from enrollment where tenant_id = ${f.id}) as enrolments,
                   (select count(*)::int from audit_event where tenant_id = ${f.id}) as audited`),
        )
      )[0]!;
    const before = await rows();
    const attempt = nurse().record.register({ trackedEntityTypeId: f.records.typeId, orgUnitId: f.units["north-a-1"]!, attributes: names("Copy", "Cat", hidden.nationalId.toLowerCase()) });
    await expect(attempt).rejects.toMatchObject({ code: "CONFLICT", message: "This National ID is already registered to another person." });
    // Registered and enrolled in one request, the writes after the clashing value were sent with
    // it (inOrder): the refusal rolls every one of them back.
    const withEnrolment = nurse().record.register({
      trackedEntityTypeId: f.records.typeId,
      orgUnitId: f.units["north-a-1"]!,
      attributes: names("Copy", "Cat", hidden.nationalId),
      enrollment: { programId: f.records.programs.open.id, enrolledOn: "2026-05-01" },
    });
    await expect(withEnrolment).rejects.toMatchObject({ code: "CONFLICT", message: "This National ID is already registered to another person." });
    expect(await rows()).toEqual(before);
  });

  it("enrols, records events by the stage's rules, completes and soft-deletes them", async () => {
    const { personId } = await nurse().record.register({ trackedEntityTypeId: f.records.typeId, orgUnitId: f.units["north-a-1"]!, attributes: names("Hawa", "Sesay", "SL-2002") });
    const program = f.records.programs.open;
    await expect(medic().record.enroll({ personId, programId: program.id, orgUnitId: f.units["north-a-1"]!, enrolledOn: "2999-01-01" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const { enrollmentId } = await medic().record.enroll({ personId, programId: program.id, orgUnitId: f.units["north-a-1"]!, enrolledOn: "2026-05-01" });
    await expect(medic().record.enroll({ personId, programId: program.id, orgUnitId: f.units["north-a-1"]!, enrolledOn: "2026-05-01" })).rejects.toMatchObject({ code: "CONFLICT" });
    const base = { enrollmentId, stageId: program.stageId, orgUnitId: f.units["north-a-1"]!, occurredOn: "2026-05-02" };
    await expect(medic().record.createEvent({ ...base, values: { [program.elementId]: "101" } })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      // The response formatter turns these issues into per-field messages (data.fieldErrors).
      cause: { issues: [{ path: [program.elementId], message: "Score must be at most 100." }] },
    });
    await expect(medic().record.createEvent({ ...base, orgUnitId: f.units["north-a-2"]!, values: { [program.elementId]: "5" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    // Another program's stage (with its own element) is not this enrolment's, and records nothing.
    const other = f.records.programs.audited;
    await expect(medic().record.createEvent({ ...base, stageId: other.stageId, values: { [other.elementId]: "5" } })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "That stage is not part of this program.",
    });
    // The checks read together but judge in order: the stage before the unit, the unit before the date.
    await expect(
      medic().record.createEvent({ ...base, stageId: other.stageId, orgUnitId: f.units["north-a-2"]!, values: { [other.elementId]: "5" } }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: "That stage is not part of this program." });
    await expect(
      medic().record.createEvent({ ...base, orgUnitId: f.units["north-a-2"]!, occurredOn: "2999-01-01", values: { [program.elementId]: "5" } }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: "The event date cannot be in the future." });
    expect((await medic().record.get({ personId })).programs[0]!.enrollments[0]!.events).toEqual([]);
    const { eventId } = await medic().record.createEvent({ ...base, values: { [program.elementId]: "55" } });
    await medic().record.completeEvent({ eventId });
    await medic().record.setEnrollmentStatus({ enrollmentId, status: "completed" });
    await expect(medic().record.createEvent({ ...base, values: { [program.elementId]: "5" } })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await medic().record.setEnrollmentStatus({ enrollmentId, status: "active" });
    await medic().record.deleteEvent({ eventId });
    const record = await medic().record.get({ personId });
    expect(record.programs[0]!.enrollments[0]!.events).toEqual([]);
    // A clerk may record but not delete.
    const { eventId: second } = await nurse().record.createEvent({ ...base, values: { [program.elementId]: "60" } });
    await expect(nurse().record.deleteEvent({ eventId: second })).rejects.toMatchObject({ code: "FORBIDDEN", message: "Your roles do not allow this." });
  });
  it("refuses to enrol someone missing a value the program requires, and enrols them once it is recorded", async () => {
    const program = f.records.programs.audited;
    const requireNationalId = (mandatory: boolean) =>
      withTenant(owner, { tenantId: f.id }, (tx) =>
        tx.execute(sql`update program_attribute set mandatory = ${mandatory}
          where tenant_id = ${f.id} and program_id = ${program.id} and attribute_id = ${f.records.attributes.nationalId}`),
      );
    await requireNationalId(true);
    try {
      const unit = f.units["north-a-1"]!;
      const { personId: without } = await nurse().record.register({ trackedEntityTypeId: f.records.typeId, orgUnitId: unit, attributes: names("Kadie", "Bangura") });
      const enrol = (personId: string) => medic().record.enroll({ personId, programId: program.id, orgUnitId: unit, enrolledOn: "2026-05-01" });
      await expect(enrol(without)).rejects.toMatchObject({ code: "BAD_REQUEST", message: "Record National ID before enrolling in audited program." });
      expect((await medic().record.get({ personId: without })).programs).toEqual([]);
      const { personId: withId } = await nurse().record.register({ trackedEntityTypeId: f.records.typeId, orgUnitId: unit, attributes: names("Kadie", "Bangura", "SL-3003") });
      await expect(enrol(withId)).resolves.toMatchObject({ enrollmentId: expect.any(String) });
    } finally {
      await requireNationalId(false);
    }
  });
  it("registers and enrols in one request: the registration unit owns the record, both audited in one transaction", async () => {
    const unit = f.units["north-a-1"]!;
    const program = f.records.programs.open;
    const { personId, enrollmentId } = await nurse().record.register({
      trackedEntityTypeId: f.records.typeId,
      orgUnitId: unit,
      attributes: names("Fanta", "Kamara", "SL-4004"),
      enrollment: { programId: program.id, enrolledOn: "2026-05-01" },
    });
    const [shown] = (await nurse().record.get({ personId })).programs;
    expect(shown).toMatchObject({ programId: program.id, ownerUnitId: unit, history: [{ fromName: null, toName: "Clinic A1" }] });
    expect(shown!.enrollments).toMatchObject([{ id: enrollmentId, orgUnitId: unit, enrolledOn: "2026-05-01", status: "active" }]);
    const audits = await withTenant(owner, { tenantId: f.id }, (tx) =>
      tx.execute<{ action: string; actor_user_id: string; program_id: string | null; occurred_at: string }>(
        sql`select action, actor_user_id, program_id, occurred_at::text from audit_event where tenant_id = ${f.id} and person_id = ${personId} and action <> 'record.read' order by action`,
      ),
    );
    expect(audits.map((a) => [a.action, a.actor_user_id, a.program_id])).toEqual([
      ["enrollment.created", f.users.nurse, program.id],
      ["record.registered", f.users.nurse, null],
    ]);
    // Rows of one transaction share its start time.
    expect(audits[0]!.occurred_at).toBe(audits[1]!.occurred_at);
    // Without an enrolment nothing more is written and no enrolment is returned.
    const alone = await nurse().record.register({ trackedEntityTypeId: f.records.typeId, orgUnitId: unit, attributes: names("Fanta", "Kamara") });
    expect(alone.enrollmentId).toBeNull();
    expect((await nurse().record.get({ personId: alone.personId })).programs).toEqual([]);
  });

  it("registers nobody when the enrolment asked for cannot be made", async () => {
    const unit = f.units["north-a-1"]!;
    const open = f.records.programs.open;
    const people = async () =>
      (await withTenant(owner, { tenantId: f.id }, (tx) => tx.execute<{ n: number }>(sql`select count(*)::int as n from tracked_entity where tenant_id = ${f.id}`)))[0]!.n;
    const before = await people();
    const attempt = (who: () => ReturnType<typeof nurse>, enrollment: { programId: string; enrolledOn: string }, attributes = names("Mabinty", "Turay")) =>
      who().record.register({ trackedEntityTypeId: f.records.typeId, orgUnitId: unit, attributes, enrollment });
    // Another tenant's program is no program here.
    const other = await createTenantFixture(owner, "capture-other");
    await expect(attempt(nurse, { programId: other.records.programs.open.id, enrolledOn: "2026-05-01" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "That program does not exist for this kind of record.",
    });
    await expect(attempt(nurse, { programId: open.id, enrolledOn: "2999-01-01" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "The enrolment date cannot be in the future.",
    });
    const runsAtClinic = (runs: boolean) =>
      withTenant(owner, { tenantId: f.id }, (tx) =>
        runs
          ? tx.execute(sql`insert into program_org_unit (tenant_id, program_id, org_unit_id) values (${f.id}, ${open.id}, ${unit})`)
          : tx.execute(sql`delete from program_org_unit where tenant_id = ${f.id} and program_id = ${open.id} and org_unit_id = ${unit}`),
      );
    await runsAtClinic(false);
    try {
      await expect(attempt(nurse, { programId: open.id, enrolledOn: "2026-05-01" })).rejects.toMatchObject({ code: "BAD_REQUEST", message: "This program does not run at Clinic A1." });
    } finally {
      await runsAtClinic(true);
    }
    const requireNationalId = (mandatory: boolean) =>
      withTenant(owner, { tenantId: f.id }, (tx) =>
        tx.execute(sql`update program_attribute set mandatory = ${mandatory} where tenant_id = ${f.id} and program_id = ${open.id} and attribute_id = ${f.records.attributes.nationalId}`),
      );
    await requireNationalId(true);
    try {
      await expect(attempt(nurse, { programId: open.id, enrolledOn: "2026-05-01" })).rejects.toMatchObject({ code: "BAD_REQUEST", message: "Record National ID before enrolling in open program." });
    } finally {
      await requireNationalId(false);
    }
    // A registrar who may register people but not enrol them is refused before anything is written.
    const admin = () => callerAs(f, f.users.admin!);
    const { roleId } = await admin().role.create({ name: "Registrar", permissions: ["read:orgUnit", "read:program", "create:trackedEntity", "read:trackedEntity"] });
    const { userId: registrar } = await admin().user.create({ email: `registrar@${f.slug}.test`, displayName: "Registrar" });
    await admin().user.setRoles({ userId: registrar, roleIds: [roleId] });
    await admin().user.setScopes({ userId: registrar, capture: [unit], search: [], analytics: [] });
    await expect(attempt(() => callerAs(f, registrar), { programId: open.id, enrolledOn: "2026-05-01" })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "Your roles do not allow this.",
    });
    expect(await people()).toBe(before);
    // A value clash found while writing rolls the whole request back, enrolment included.
    const taken = names("Mabinty", "Turay", "SL-5005");
    await nurse().record.register({ trackedEntityTypeId: f.records.typeId, orgUnitId: unit, attributes: taken });
    await expect(attempt(nurse, { programId: open.id, enrolledOn: "2026-05-01" }, taken)).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await people()).toBe(before + 1);
    // The registrar may still register without one.
    await expect(callerAs(f, registrar).record.register({ trackedEntityTypeId: f.records.typeId, orgUnitId: unit, attributes: names("Mabinty", "Turay") })).resolves.toMatchObject({ enrollmentId: null });
  });

  it("shows each of a record's programs with its own stages and attributes, loaded together", async () => {
    const unit = f.units["north-a-1"]!;
    const { personId } = await nurse().record.register({ trackedEntityTypeId: f.records.typeId, orgUnitId: unit, attributes: names("Isata", "Conteh") });
    const levels = ["open", "audited", "protected"] as const;
    for (const level of levels) await medic().record.enroll({ personId, programId: f.records.programs[level].id, orgUnitId: unit, enrolledOn: "2026-05-01" });
    const record = await medic().record.get({ personId });
    const shown = record.programs.map((p) => ({ program: p.programId, meta: p.meta.id, stages: p.meta.stages.map((s) => [s.id, s.dataElements.map((e) => e.id)]), attributes: p.meta.attributes.map((a) => a.id) }));
    expect(shown.sort((a, b) => a.program.localeCompare(b.program))).toEqual(
      levels
        .map((level) => f.records.programs[level])
        .map((p) => ({ program: p.id, meta: p.id, stages: [[p.stageId, [p.elementId]]], attributes: [f.records.attributes.nationalId] }))
        .sort((a, b) => a.program.localeCompare(b.program)),
    );
  });
});

describe("finding people", () => {
  beforeAll(async () => {
    await withTenant(owner, { tenantId: f.id }, async (tx) => {
      for (let i = 0; i < 30; i++) await plantRecord(tx, f.id, f.records, "open", f.units["north-a-1"]!, { first: "Mariama", last: `Koroma ${String(i).padStart(2, "0")}` });
      await plantRecord(tx, f.id, f.records, "open", f.units["north-a-2"]!, { first: "Mariama", last: "Koroma search-scope" });
    });
  });

  it("pages through many matches instead of failing, in name order", async () => {
    const criteria = [{ attributeId: f.records.attributes.lastName, value: "koroma" }];
    const first = await nurse().record.search({ trackedEntityTypeId: f.records.typeId, criteria, limit: 25 });
    expect(first.people).toHaveLength(25);
    expect(first.more).toBe(true);
    const second = await nurse().record.search({ trackedEntityTypeId: f.records.typeId, criteria, limit: 25, cursor: first.nextCursor });
    expect(second.more).toBe(false);
    const lastNames = [...first.people, ...second.people].map((p) => p.attributes[f.records.attributes.lastName]);
    expect(lastNames).toEqual([...lastNames].sort());
    expect(new Set([...first.people, ...second.people].map((p) => p.id)).size).toBe(first.people.length + second.people.length);
  });

  it("stays in the capture scope unless an identifying attribute or enough attributes are given", async () => {
    const lastName = { attributeId: f.records.attributes.lastName, value: "koroma search" };
    const narrow = await nurse().record.search({ trackedEntityTypeId: f.records.typeId, criteria: [lastName] });
    expect({ beyondCapture: narrow.beyondCapture, found: narrow.people.length }).toEqual({ beyondCapture: false, found: 0 });
    const wide = await nurse().record.search({ trackedEntityTypeId: f.records.typeId, criteria: [lastName, { attributeId: f.records.attributes.firstName, value: "mari" }] });
    expect({ beyondCapture: wide.beyondCapture, found: wide.people.length }).toEqual({ beyondCapture: true, found: 1 });
  });

  /** A "koroma" search as `userId`, from the values filed under the capture scope, or (`walk`) from every match in the tenant. */
  const koromaSearch = (userId: string, walk: boolean) =>
    withTenant(runtime, { tenantId: f.id, userId }, async (tx, bound) => {
      const ctx = { ...activeContext(f, userId), db: tx, ability: abilityFor(bound.permissions), metadataVersion: bound.metadataVersion } as ProtectedContext;
      const criteria = [{ attributeId: f.records.attributes.lastName, value: "koroma" }];
      const found = await searchHandler({ ctx, input: { trackedEntityTypeId: f.records.typeId, criteria, limit: 50 } }, walk ? 0 : undefined);
      return found.people.map((p) => ({ id: p.id, last: p.attributes[f.records.attributes.lastName] }));
    });

  it("finds the same people from the capture scope's filed values as by the capture clause, the never-enrolled too", async () => {
    const { personId: unenrolled } = await nurse().record.register({
      trackedEntityTypeId: f.records.typeId,
      orgUnitId: f.units["north-a-1"]!,
      attributes: names("Fatu", "Koroma unenrolled"),
    });
    // The nurse's search scope reaches beyond capture, so the walk needs the capture clause.
    const filed = await koromaSearch(f.users.nurse!, false);
    expect(filed).toEqual(await koromaSearch(f.users.nurse!, true));
    expect(filed.map((p) => p.id)).toContain(unenrolled);
    expect(filed.map((p) => p.last)).not.toContain("Koroma search-scope");
    expect(filed).toHaveLength(31);
  });

  it("leaves a walk without a search scope to the policies, which hold it to capture", async () => {
    await withTenant(owner, { tenantId: f.id }, (tx) => plantRecord(tx, f.id, f.records, "open", f.units["south-a-1"]!, { first: "Mariama", last: "Koroma south" }));
    // The reviewer captures in all of North and searches nowhere else: no clause is added.
    const filed = await koromaSearch(f.users.reviewer!, false);
    const byPolicies = await koromaSearch(f.users.reviewer!, true);
    expect(byPolicies).toEqual(filed);
    expect(byPolicies.map((p) => p.last)).toContain("Koroma search-scope");
    expect(byPolicies.map((p) => p.last)).not.toContain("Koroma south");
  });

  it("refuses attributes that are not searchable and malformed page links", async () => {
    await expect(nurse().record.search({ trackedEntityTypeId: f.records.typeId, criteria: [{ attributeId: f.records.attributes.village, value: "Bo" }] })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Village cannot be searched.",
    });
    await expect(
      nurse().record.search({ trackedEntityTypeId: f.records.typeId, criteria: [{ attributeId: f.records.attributes.lastName, value: "k" }], cursor: "bm9wZQ" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("grants ended early and reviewed", () => {
  it("ends a grant at once, only by its holder, and shows it to supervisors of the owner's unit only", async () => {
    const record = await withTenant(owner, { tenantId: f.id }, (tx) => plantRecord(tx, f.id, f.records, "protected", f.units["north-a-2"]!));
    const grant = await nurse().breakGlass.request({ personId: record.personId, programId: record.programId, reason: "Patient collapsed in the waiting room" });
    expect((await nurse().breakGlass.mine()).map((g) => g.id)).toContain(grant.grantId);
    await expect(medic().breakGlass.end({ grantId: grant.grantId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await nurse().breakGlass.end({ grantId: grant.grantId });
    await expect(nurse().record.get({ personId: record.personId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(nurse().breakGlass.end({ grantId: grant.grantId })).rejects.toMatchObject({ code: "NOT_FOUND" });

    const seenBy = async (who: string) => (await callerAs(f, f.users[who]!).breakGlass.reviewList({ status: "all" })).items.some((i) => i.id === grant.grantId);
    expect({ reviewer: await seenBy("reviewer"), southlead: await seenBy("southlead") }).toEqual({ reviewer: true, southlead: false });
    await expect(nurse().breakGlass.reviewList({ status: "all" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerAs(f, f.users.southlead!).breakGlass.markReviewed({ grantId: grant.grantId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await callerAs(f, f.users.reviewer!).breakGlass.markReviewed({ grantId: grant.grantId, comment: "Confirmed with the ward" });
    const reviewed = (await callerAs(f, f.users.reviewer!).breakGlass.reviewList({ status: "reviewed" })).items.find((i) => i.id === grant.grantId);
    expect(reviewed).toMatchObject({ reviewComment: "Confirmed with the ward", reviewerName: `${f.name.replace("Fixture ", "")} reviewer` });
  });
});

describe("paging a record's access log", () => {
  it("returns every event once even when many share a transaction's timestamp", async () => {
    const record = await withTenant(owner, { tenantId: f.id }, (tx) => plantRecord(tx, f.id, f.records, "open", f.units["north-a-1"]!));
    // 45 events about the person written in one transaction: one microsecond timestamp for all.
    await withTenant(owner, { tenantId: f.id }, (tx) =>
      tx.execute(sql`insert into audit_event (tenant_id, action, subject_type, subject_id, person_id)
        select ${f.id}, 'test.touched', 'trackedEntity', ${record.personId}, ${record.personId} from generate_series(1, 45)`),
    );
    const admin = callerAs(f, f.users.admin!);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof admin.record.accessLog>> = await admin.record.accessLog({ personId: record.personId, cursor });
      seen.push(...page.items.filter((i) => i.action === "test.touched").map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(45);
    expect(seen).toHaveLength(45);
  });
});
