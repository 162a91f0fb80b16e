import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import Papa from "papaparse";
import { beforeAll, describe, expect, it } from "vitest";
import { withTenant } from "@/db/tenant-transaction";
import { recordAudit, type AuditEntry } from "@/server/audit/record";
import { eventsQuery } from "@/server/trpc/routers/audit/events-query";
import type { AuditFilters } from "@/server/trpc/routers/audit/filters.schema";
import { createTenantFixture, type TenantFixture } from "../fixtures/tenants";
import { callerAs } from "./callers";
import { testDatabases } from "./databases";

/** The Audit page's procedures: filters, paging, tenant isolation, exports and integrity checks. */
const { owner, runtime } = testDatabases();
let t: TenantFixture;
let other: TenantFixture;
let auditorId: string;
const personA = randomUUID();
const personB = randomUUID();
/** Each batch is one transaction, so its events share one timestamp and batches follow each other in time. */
const batches: { first: string[]; second: string[]; bulk: string[] } = { first: [], second: [], bulk: [] };

const admin = () => callerAs(t, t.users.admin!);
const auditor = () => callerAs(t, auditorId);

/** Records events as `actor` in one transaction (sealed alone, so in the first lane) and returns their ids in order. */
async function record(f: TenantFixture, actor: string, entries: Omit<AuditEntry, "tenantId" | "actorUserId">[]): Promise<string[]> {
  await withTenant(runtime, { tenantId: f.id, userId: f.users[actor] }, async (tx) => {
    for (const entry of entries) await recordAudit(tx, { tenantId: f.id, actorUserId: f.users[actor], actorName: `${f.name} ${actor}`, ...entry });
  });
  const rows = await withTenant(owner, { tenantId: f.id }, (tx) =>
    tx.execute<{ id: string }>(sql`select event_id as id from audit_seal where tenant_id = ${f.id} and lane = 0 order by seq desc limit ${entries.length}`),
  );
  return rows.map((row) => row.id).reverse();
}

/** Every event matching the filters, following the cursor page by page. */
async function everyPage(caller: ReturnType<typeof callerAs>, filters: AuditFilters, limit: number) {
  const events = [];
  let cursor: string | null = null;
  do {
    const page: Awaited<ReturnType<typeof caller.audit.list>> = await caller.audit.list({ filters, cursor, limit });
    expect(page.events.length).toBeLessThanOrEqual(limit);
    events.push(...page.events);
    cursor = page.next;
  } while (cursor);
  return events;
}

// Listing audits its first page (audit.listed): those events are left out of what a test compares.
const ids = async (filters: AuditFilters) =>
  (await admin().audit.list({ filters, limit: 100 })).events.filter((e) => e.action !== "audit.listed").map((e) => e.id).sort();
const sorted = (...lists: string[][]) => lists.flat().sort();

beforeAll(async () => {
  [t, other] = await Promise.all([createTenantFixture(owner, "audit-page"), createTenantFixture(owner, "audit-page-other")]);
  auditorId = (await admin().user.create({ email: `auditor@${t.slug}.test`, displayName: "Regulator", roleKeys: ["auditor"] })).userId;
  const programs = t.records.programs;
  batches.first = await record(t, "admin", [
    {
      action: "test.record.viewed",
      subjectType: "trackedEntity",
      subjectId: personA,
      personId: personA,
      programId: programs.open.id,
      orgUnitId: t.units["north-a-1"],
      details: { via: "search" },
    },
    {
      action: "test.record.updated",
      subjectType: "trackedEntity",
      subjectId: personB,
      personId: personB,
      programId: programs.audited.id,
      orgUnitId: t.units["south-a-1"],
      reason: "Correction, requested by the patient",
      changes: { before: { Village: "Bo" }, after: { Village: "Kenema" } },
    },
  ]);
  batches.second = await record(t, "nurse", [
    { action: "test.record.viewed", subjectType: "trackedEntity", subjectId: personA, personId: personA, programId: programs.audited.id, orgUnitId: t.units["north-a-1"], outcome: "failure", reason: "=1+1 typed as a reason" },
    { action: "test.user.created", subjectType: "user", subjectId: t.users.clerk! },
  ]);
  batches.bulk = await record(t, "medic", Array.from({ length: 25 }, (_, i) => ({ action: "test.bulk", details: { i } })));
  // The other tenant: the same person id and actions, and one action only it uses.
  await record(other, "admin", [
    { action: "test.record.viewed", subjectType: "trackedEntity", subjectId: personA, personId: personA },
    { action: "test.other-only" },
  ]);
});

describe("filters", () => {
  it("narrow by actor, exact action and action family", async () => {
    expect(await ids({ actorUserId: t.users.nurse! })).toEqual(sorted(batches.second));
    expect(await ids({ action: "test.record.viewed" })).toEqual(sorted([batches.first[0]!, batches.second[0]!]));
    expect(await ids({ action: "test.record." })).toEqual(sorted([batches.first[0]!, batches.first[1]!, batches.second[0]!]));
    expect(await ids({ action: "test." })).toEqual(sorted(batches.first, batches.second, batches.bulk));
    expect(await ids({ action: "test.nothing." })).toEqual([]);
  });

  it("narrow by subject, person, program, unit and outcome, naming the program and unit", async () => {
    expect(await ids({ subjectType: "user", subjectId: t.users.clerk! })).toEqual([batches.second[1]]);
    expect(await ids({ personId: personA })).toEqual(sorted([batches.first[0]!, batches.second[0]!]));
    expect(await ids({ programId: t.records.programs.audited.id })).toEqual(sorted([batches.first[1]!, batches.second[0]!]));
    expect(await ids({ orgUnitId: t.units["north-a-1"]! })).toEqual(sorted([batches.first[0]!, batches.second[0]!]));
    expect(await ids({ action: "test.", outcome: "failure" })).toEqual([batches.second[0]]);
    const [updated] = (await admin().audit.list({ filters: { personId: personB } })).events;
    expect(updated).toMatchObject({
      actorName: `${t.name} admin`,
      action: "test.record.updated",
      programName: "audited program",
      orgUnitName: "Clinic S1",
      reason: "Correction, requested by the patient",
      outcome: "success",
      changes: { before: { Village: "Bo" }, after: { Village: "Kenema" } },
    });
    expect(updated!.hashPrefix).toMatch(/^[0-9a-f]{12}$/);
    expect(updated!.seq).toBeGreaterThan(0);
  });

  it("narrow by time: from is included, to is not", async () => {
    const [second] = (await admin().audit.list({ filters: { actorUserId: t.users.nurse! }, limit: 1 })).events;
    const [bulk] = (await admin().audit.list({ filters: { action: "test.bulk" }, limit: 1 })).events;
    expect(await ids({ action: "test.", to: second!.at })).toEqual(sorted(batches.first));
    expect(await ids({ action: "test.", from: second!.at, to: bulk!.at })).toEqual(sorted(batches.second));
    expect(await ids({ action: "test.", from: bulk!.at })).toEqual(sorted(batches.bulk));
  });

  it("refuse a subject id without its type, and a range that ends before it starts", async () => {
    await expect(admin().audit.list({ filters: { subjectId: "x" } })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const now = new Date().toISOString();
    await expect(admin().audit.list({ filters: { from: now, to: now } })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("paging", () => {
  it("returns every event once, newest first, even across events that share a timestamp", async () => {
    const paged = await everyPage(admin(), { action: "test." }, 4);
    expect(paged.map((e) => e.id).sort()).toEqual(sorted(batches.first, batches.second, batches.bulk));
    const order = paged.map((e) => `${e.at}|${e.id}`);
    expect(order).toEqual([...order].sort().reverse());
  });

  it("walks the whole trail of the tenant and nothing of another", async () => {
    const stored = await withTenant(owner, { tenantId: t.id }, (tx) => tx.execute<{ id: string }>(sql`select id from audit_event where tenant_id = ${t.id}`));
    const paged = (await everyPage(admin(), {}, 7)).map((e) => e.id);
    expect(new Set(paged).size).toBe(paged.length);
    // Everything stored before the walk, once; the walk's own audit.listed event comes after it.
    expect(paged.sort()).toEqual(stored.map((row) => row.id).sort());
  });

  it("refuses a forged cursor", async () => {
    await expect(admin().audit.list({ cursor: "not-a-cursor" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("tenant isolation and permissions", () => {
  it("never shows another tenant's events or action names", async () => {
    expect(await ids({ personId: personA })).toHaveLength(2);
    const actions = await admin().audit.actions();
    expect(actions).toEqual(expect.arrayContaining(["test.bulk", "test.record.updated", "test.record.viewed", "test.user.created"]));
    expect(actions).not.toContain("test.other-only");
    const theirs = (await callerAs(other, other.users.admin!).audit.list({ filters: { personId: personA } })).events;
    expect(theirs.map((e) => e.actorName)).toEqual([`${other.name} admin`]);
  });

  it("is refused to a user without read:auditLog", async () => {
    const nurse = callerAs(t, t.users.nurse!);
    for (const attempt of [() => nurse.audit.list({}), () => nurse.audit.actions(), () => nurse.audit.export({ format: "csv" }), () => nurse.audit.verify()]) {
      await expect(attempt()).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });

  it("is open to the auditor, who reads without holding any other permission", async () => {
    expect((await auditor().audit.list({ filters: { action: "test.bulk" }, limit: 100 })).events).toHaveLength(25);
    await expect(auditor().user.list({})).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("export", () => {
  it("gives a CSV that parses back to the filtered events, and is audited", async () => {
    const file = await auditor().audit.export({ filters: { action: "test.record." }, format: "csv" });
    expect(file).toMatchObject({ rowCount: 3, truncated: false });
    expect(file.filename).toMatch(new RegExp(`^audit-trail-${t.slug}-\\d{4}-\\d\\d-\\d\\dT\\d\\d-\\d\\d-\\d\\dZ\\.csv$`));
    const parsed = Papa.parse<Record<string, string>>(file.content, { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data.map((row) => row.id).sort()).toEqual(sorted([batches.first[0]!, batches.first[1]!, batches.second[0]!]));
    const updated = parsed.data.find((row) => row.action === "test.record.updated")!;
    expect(updated).toMatchObject({ personId: personB, programName: "audited program", orgUnitName: "Clinic S1", reason: "Correction, requested by the patient" });
    expect(updated.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
    expect(updated.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.parse(updated.changes!)).toEqual({ before: { Village: "Bo" }, after: { Village: "Kenema" } });
    // A cell a spreadsheet would run as a formula is escaped.
    expect(parsed.data.find((row) => row.outcome === "failure")!.reason).toBe("'=1+1 typed as a reason");

    const [audited] = (await admin().audit.list({ filters: { action: "audit.exported" }, limit: 1 })).events;
    expect(audited).toMatchObject({
      actorUserId: auditorId,
      subjectType: "auditLog",
      details: { filters: { action: "test.record." }, format: "csv", rowCount: 3, truncated: false },
    });
  });

  it("gives JSON with what was asked for", async () => {
    const file = await admin().audit.export({ filters: { personId: personA }, format: "json" });
    const parsed = JSON.parse(file.content) as { filters: AuditFilters; truncated: boolean; events: { id: string }[] };
    expect(parsed).toMatchObject({ filters: { personId: personA }, truncated: false });
    const recorded = (parsed.events as { id: string; action: string }[]).filter((e) => e.action.startsWith("test."));
    expect(recorded.map((e) => e.id).sort()).toEqual(sorted([batches.first[0]!, batches.second[0]!]));
    // The export event is filed under the person it was about.
    expect((await admin().audit.list({ filters: { personId: personA, action: "audit.exported" } })).events).toHaveLength(1);
  });
});

describe("integrity", () => {
  it("reports an intact chain, and audits the check", async () => {
    const [count] = await withTenant(owner, { tenantId: t.id }, (tx) => tx.execute<{ n: number }>(sql`select count(*)::int as n from audit_event where tenant_id = ${t.id}`));
    expect(await auditor().audit.verify()).toEqual({ checked: count!.n, broken: null });
    const [audited] = (await admin().audit.list({ filters: { action: "audit.verified" }, limit: 1 })).events;
    expect(audited).toMatchObject({ actorUserId: auditorId, details: { checked: count!.n, broken: false, brokenLane: null, brokenSeq: null } });
  });

  it("reports the event an owner changed behind the triggers' back", async () => {
    const f = await createTenantFixture(owner, "audit-page-tampered");
    const [victimId] = await record(f, "nurse", [{ action: "test.record.viewed", personId: personA }, { action: "test.record.viewed", personId: personB }]);
    const victim = (await callerAs(f, f.users.admin!).audit.list({ filters: { personId: personA } })).events[0]!;
    expect(victim.id).toBe(victimId);
    // Written alone, it was sealed in the first lane.
    expect(victim.lane).toBe(0);
    const seq = victim.seq!;
    await withTenant(owner, { tenantId: f.id }, async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx.execute(sql`update audit_event set reason = 'nothing to see' where tenant_id = ${f.id} and id = ${victim.id}`);
    });
    expect(await callerAs(f, f.users.admin!).audit.verify()).toEqual({
      checked: seq - 1,
      broken: { lane: 0, seq, eventId: victim.id, problem: "its content does not match its hash" },
    });
    const [audited] = (await callerAs(f, f.users.admin!).audit.list({ filters: { action: "audit.verified" } })).events;
    expect(audited!.details).toEqual({ checked: seq - 1, broken: true, brokenLane: 0, brokenSeq: seq });
  });
});

describe("query plans", () => {
  /**
   * EXPLAIN of the list query as the runtime role (under RLS), with fresh statistics and sequential
   * scans off: with a handful of rows the planner would rightly read the whole partition, and the
   * question here is whether the query's shape lets it use the filter's index at all.
   */
  async function plan(filters: AuditFilters, actions: string[] | null = null): Promise<string> {
    await owner.execute(sql`analyze audit_event`);
    return withTenant(runtime, { tenantId: t.id, userId: t.users.admin }, async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      const query = eventsQuery({ tenantId: t.id, filters, actions, after: { at: new Date(), id: randomUUID() }, limit: 51 });
      return (await tx.execute<{ "QUERY PLAN": string }>(sql`explain ${query}`)).map((line) => line["QUERY PLAN"]).join("\n");
    });
  }

  /** Whether some scan of the index (by the end of its name) has the cursor's time as an index bound. */
  const boundedScan = (plan: string, index: string) =>
    [...plan.matchAll(/(?:using|Index Scan on) (\S+).*\n\s*Index Cond: (.*)/g)].some(([, name, condition]) => name!.endsWith(index) && condition!.includes("occurred_at <="));

  it("lets each filter use its own index, bounded by the cursor", async () => {
    expect(boundedScan(await plan({ actorUserId: t.users.nurse! }), "_tenant_id_actor_user_id_occurred_at_idx")).toBe(true);
    expect(boundedScan(await plan({}, ["test.bulk", "test.user.created"]), "_tenant_id_action_occurred_at_idx")).toBe(true);
    // (PostgreSQL cuts index names at 63 characters.)
    expect(boundedScan(await plan({ subjectType: "user", subjectId: t.users.clerk! }), "_tenant_id_subject_type_subject_id_occur_idx")).toBe(true);
    expect(boundedScan(await plan({ personId: personA }), "_tenant_id_person_id_occurred_at_idx")).toBe(true);
    expect(boundedScan(await plan({ programId: t.records.programs.audited.id }), "_tenant_id_program_id_occurred_at_idx")).toBe(true);
    expect(boundedScan(await plan({ orgUnitId: t.units["north-a-1"]! }), "_tenant_id_org_unit_id_occurred_at_idx")).toBe(true);
  });
});
