import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { withTenant } from "@/db/tenant-transaction";
import { createTenantFixture, type TenantFixture } from "../fixtures/tenants";
import { LEVELS, plantGrant, plantRecord, type Level, type PlantedRecord } from "../fixtures/records";
import { callerAs } from "./callers";
import { dbError, testDatabases } from "./databases";

/**
 * The conformance matrix of DESIGN.md §2: access level × where the owner sits for the caller
 * (capture / only search / outside both) × break-the-glass grant (none / active / expired) ×
 * operation, through the tRPC API — and, for reads, in SQL as the runtime role with nothing but
 * app.tenant_id and app.user_id set, where RLS alone must give the same answer. The caller is a
 * supervisor (every record permission) capturing in Clinic A1 and searching North A; active and
 * expired grants are planted directly, also where the application would never issue one, to show
 * the policies ignore them there.
 */
const { owner, runtime } = testDatabases();
let f: TenantFixture;
let other: TenantFixture;

const PLACEMENTS = { capture: "north-a-1", search: "north-a-2", outside: "south-a-1" } as const;
type Placement = keyof typeof PLACEMENTS;
const GRANTS = ["none", "active", "expired"] as const;
type GrantState = (typeof GRANTS)[number];
type Outcome = "ok" | "NOT_FOUND" | "FORBIDDEN" | "BAD_REQUEST" | "protected" | "hidden" | "listed";

type Cell = { level: Level; placement: Placement; grant: GrantState };

/** What the table in DESIGN.md §2 says the caller may do. */
function expected(cell: Cell) {
  const { level, placement, grant } = cell;
  const glass = level === "protected" && placement === "search" && grant === "active";
  const readable = placement === "capture" || (placement === "search" && (level === "open" || level === "audited")) || glass;
  const writable = placement === "capture" || (placement === "search" && (level === "open" || level === "audited"));
  const denied: Outcome = readable ? "FORBIDDEN" : "NOT_FOUND";
  return {
    read: readable ? "ok" : "NOT_FOUND",
    search: readable ? "listed" : level === "protected" && placement === "search" ? "protected" : "hidden",
    update: writable ? "ok" : denied,
    createEvent: writable ? "ok" : denied,
    // The planted event sits at the owner's unit: only a capture-scope one may be deleted.
    deleteEvent: placement === "capture" ? "ok" : writable ? "FORBIDDEN" : denied,
    transfer: writable ? "ok" : denied,
    breakGlass:
      placement === "capture" || (placement === "search" && (level === "open" || level === "audited"))
        ? "BAD_REQUEST"
        : level === "protected" && placement === "search"
          ? "ok"
          : "NOT_FOUND",
  } satisfies Record<string, Outcome>;
}

const cells: Cell[] = LEVELS.flatMap((level) =>
  (Object.keys(PLACEMENTS) as Placement[]).flatMap((placement) => GRANTS.map((grant) => ({ level, placement, grant }))),
);

const outcome = async (work: Promise<unknown>): Promise<Outcome> => {
  try {
    await work;
    return "ok";
  } catch (error) {
    return ((error as { code?: string }).code ?? "error") as Outcome;
  }
};

async function plant(cell: Cell): Promise<PlantedRecord> {
  const unitId = f.units[PLACEMENTS[cell.placement]]!;
  return withTenant(owner, { tenantId: f.id }, async (tx) => {
    const record = await plantRecord(tx, f.id, f.records, cell.level, unitId, { first: "Matrix", last: `${cell.level} ${cell.placement} ${cell.grant}` });
    if (cell.grant !== "none") {
      await plantGrant(tx, {
        tenantId: f.id,
        userId: f.users.medic!,
        personId: record.personId,
        programId: record.programId,
        ownerUnitId: unitId,
        expiresInMinutes: cell.grant === "active" ? 60 : -1,
      });
    }
    return record;
  });
}

/** Rows of a person visible to a user in SQL, with only the two settings the policies read. */
async function sqlVisibility(userId: string, personId: string) {
  return withTenant(runtime, { tenantId: f.id, userId }, async (tx) => {
    const count = async (table: string) => {
      const [row] = await (tx as unknown as Database).execute<{ n: number }>(
        sql`select count(*)::int as n from ${sql.identifier(table)} where tracked_entity_id = ${personId}`,
      );
      return row!.n;
    };
    const [person] = await (tx as unknown as Database).execute<{ n: number }>(sql`select count(*)::int as n from tracked_entity where id = ${personId}`);
    return {
      person: person!.n,
      values: await count("tracked_entity_attribute_value"),
      ownership: await count("program_ownership"),
      history: await count("ownership_change"),
      enrollments: await count("enrollment"),
      events: await count("event"),
    };
  });
}

beforeAll(async () => {
  [f, other] = await Promise.all([createTenantFixture(owner, "matrix"), createTenantFixture(owner, "matrix-other")]);
});

describe("record access conformance matrix", () => {
  it.each(cells)("$level program, owner in $placement, grant $grant", async (cell) => {
    const want = expected(cell);
    const medic = callerAs(f, f.users.medic!);
    const main = await plant(cell);

    // Read, through the API and in SQL.
    expect(await outcome(medic.record.get({ personId: main.personId }))).toBe(want.read);
    const visible = want.read === "ok" ? 1 : 0;
    expect(await sqlVisibility(f.users.medic!, main.personId)).toEqual({
      person: visible,
      values: 3 * visible,
      ownership: visible,
      history: visible,
      enrollments: visible,
      events: visible,
    });

    // Search by the identifying attribute (reaches the whole search scope).
    const found = await medic.record.search({ trackedEntityTypeId: f.records.typeId, criteria: [{ attributeId: f.records.attributes.nationalId, value: main.nationalId }] });
    const listed = found.people.some((p) => p.id === main.personId);
    const stub = found.protectedMatches.some((m) => m.personId === main.personId);
    expect(listed ? "listed" : stub ? "protected" : "hidden").toBe(want.search);
    if (stub) expect(found.protectedMatches.find((m) => m.personId === main.personId)).toEqual({ personId: main.personId, programId: main.programId, programName: `${cell.level} program`, personVisible: false });

    // Update an event, record a new one at a capture-scope unit, delete the planted one.
    const element = f.records.programs[cell.level].elementId;
    expect(await outcome(medic.record.updateEvent({ eventId: main.eventId, orgUnitId: f.units[PLACEMENTS[cell.placement]]!, occurredOn: "2026-02-02", values: { [element]: "43" } }))).toBe(want.update);
    expect(
      await outcome(medic.record.createEvent({ enrollmentId: main.enrollmentId, stageId: f.records.programs[cell.level].stageId, orgUnitId: f.units["north-a-1"]!, occurredOn: "2026-03-01", values: { [element]: "7" } })),
    ).toBe(want.createEvent);
    expect(await outcome(medic.record.deleteEvent({ eventId: main.eventId }))).toBe(want.deleteEvent);

    // Transfer and break the glass, each on a record of its own.
    const moving = await plant(cell);
    const target = cell.placement === "capture" ? f.units["north-a-2"]! : f.units["north-a-1"]!;
    expect(await outcome(medic.record.transfer({ personId: moving.personId, programId: moving.programId, toUnitId: target, reason: "Moved to another clinic" }))).toBe(want.transfer);
    const glass = await plant(cell);
    expect(await outcome(medic.breakGlass.request({ personId: glass.personId, programId: glass.programId, reason: "Emergency admission at night" }))).toBe(want.breakGlass);
  });

  it("gives another tenant's user nothing for the same ids", async () => {
    const main = await plant({ level: "open", placement: "capture", grant: "none" });
    const stranger = callerAs(other, other.users.admin!);
    expect(await outcome(stranger.record.get({ personId: main.personId }))).toBe("NOT_FOUND");
    expect(await outcome(stranger.record.transfer({ personId: main.personId, programId: main.programId, toUnitId: other.units["north-a-1"]!, reason: "Trying another tenant" }))).toBe("NOT_FOUND");
    expect(await outcome(stranger.record.deleteEvent({ eventId: main.eventId }))).toBe("NOT_FOUND");
  });

  it("answers a hidden record and a missing one with the same error", async () => {
    const hidden = await plant({ level: "closed", placement: "search", grant: "none" });
    const medic = callerAs(f, f.users.medic!);
    const errorOf = async (personId: string) => {
      try {
        await medic.record.get({ personId });
      } catch (error) {
        const e = error as { code: string; message: string };
        return { code: e.code, message: e.message };
      }
      return null;
    };
    expect(await errorOf(hidden.personId)).toEqual(await errorOf(crypto.randomUUID()));
  });

  it("lets the all-records permission skip ownership, audits its reads, and refuses it a grant", async () => {
    const hidden = await plant({ level: "closed", placement: "outside", grant: "none" });
    const admin = callerAs(f, f.users.admin!);
    expect(await outcome(admin.record.get({ personId: hidden.personId }))).toBe("ok");
    const [audit] = await withTenant(owner, { tenantId: f.id }, (tx) =>
      tx.execute<{ all_records: boolean }>(sql`
        select (details->>'allRecords')::boolean as all_records from audit_event
        where tenant_id = ${f.id} and action = 'record.read' and subject_id = ${hidden.personId}`),
    );
    expect(audit?.all_records).toBe(true);
    const glass = await plant({ level: "protected", placement: "search", grant: "none" });
    expect(await outcome(admin.breakGlass.request({ personId: glass.personId, programId: glass.programId, reason: "Administrator looking around" }))).toBe("BAD_REQUEST");
  });
});

describe("records follow their units", () => {
  it("judges records by where their unit is now: a subtree move takes them along without rewriting them", async () => {
    const t = await createTenantFixture(owner, "follow");
    const record = await withTenant(owner, { tenantId: t.id }, (tx) => plantRecord(tx, t.id, t.records, "open", t.units["north-a-2"]!));
    const medic = callerAs(t, t.users.medic!);
    const admin = callerAs(t, t.users.admin!);
    const version = () =>
      withTenant(owner, { tenantId: t.id }, async (tx) => {
        const [row] = await tx.execute<{ versions: string }>(sql`
          select (select xmin::text from tracked_entity where tenant_id = ${t.id} and id = ${record.personId})
              || '/' || (select string_agg(xmin::text, ',') from program_ownership where tenant_id = ${t.id} and tracked_entity_id = ${record.personId}) as versions`);
        return row!.versions;
      });
    const before = await version();
    expect(await outcome(medic.record.get({ personId: record.personId }))).toBe("ok");
    // North A 2 moves out of North A (the medic's search scope) and takes its records along.
    await admin.orgUnit.move({ id: t.units["north-a-2"]!, newParentId: t.units["south"]! });
    expect(await outcome(medic.record.get({ personId: record.personId }))).toBe("NOT_FOUND");
    await admin.orgUnit.move({ id: t.units["north-a-2"]!, newParentId: t.units["north-a"]! });
    expect(await outcome(medic.record.get({ personId: record.personId }))).toBe("ok");
    expect(await version()).toBe(before);
  });
});

describe("the database's own lock on writes (runtime role, only the two settings)", () => {
  const asMedic = <T>(work: (tx: Database) => Promise<T>) =>
    withTenant(runtime, { tenantId: f.id, userId: f.users.medic! }, (tx) => work(tx as unknown as Database));

  it("refuses an event recorded at a unit outside the capture scope, even on a writable record", async () => {
    const record = await plant({ level: "open", placement: "search", grant: "none" });
    const attempt = asMedic((tx) =>
      tx.execute(sql`insert into event (tenant_id, enrollment_id, tracked_entity_id, program_id, stage_id, org_unit_id, occurred_on)
        values (${f.id}, ${record.enrollmentId}, ${record.personId}, ${record.programId}, ${f.records.programs.open.stageId}, ${f.units["north-a-2"]!}, '2026-03-01')`),
    );
    expect(await dbError(attempt)).toMatch(/row-level security/);
  });

  it("changes nothing of a hidden record and refuses grants the rules do not allow", async () => {
    const closed = await plant({ level: "closed", placement: "search", grant: "none" });
    const changed = await asMedic((tx) => tx.execute(sql`update event set values = '{}' where id = ${closed.eventId} returning id`));
    expect(changed).toHaveLength(0);
    const grant = asMedic((tx) =>
      tx.execute(sql`insert into break_glass_grant (tenant_id, user_id, tracked_entity_id, program_id, owner_unit_id, reason)
        values (${f.id}, ${f.users.medic!}, ${closed.personId}, ${closed.programId}, ${f.units["north-a-2"]!}, 'Trying the closed program')`),
    );
    expect(await dbError(grant)).not.toBe("no error");
  });

  it("fills a grant's expiry from the program, whatever the caller asks for", async () => {
    const record = await plant({ level: "protected", placement: "search", grant: "none" });
    const [row] = await asMedic((tx) =>
      tx.execute<{ minutes: number }>(sql`insert into break_glass_grant (tenant_id, user_id, tracked_entity_id, program_id, owner_unit_id, reason, expires_at)
        values (${f.id}, ${f.users.medic!}, ${record.personId}, ${record.programId}, ${f.units["south-a-1"]!}, 'Emergency at the clinic', now() + interval '30 days')
        returning round(extract(epoch from expires_at - created_at) / 60)::int as minutes`),
    );
    expect(row!.minutes).toBe(180);
  });
});
