import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Transaction } from "@/db/client";
import { auditEvent } from "@/db/schema";
import { withTenant } from "@/db/tenant-transaction";
import { recordAudit } from "@/server/audit/record";
import { verifyChain } from "@/server/audit/verify-chain";
import { runScheduledRetention } from "@/server/jobs/scheduled-retention";
import { plantRecord } from "../fixtures/records";
import { createTenantFixture, type TenantFixture } from "../fixtures/tenants";
import { callerAs } from "./callers";
import { dbError, testDatabases } from "./databases";

/** Retention: a dry run first, then events and the audit chain's oldest stretch removed, for one tenant only. */
const { owner, runtime } = testDatabases();
let a: TenantFixture;
let b: TenantFixture;

const yearsAgo = (years: number) => {
  const moment = new Date();
  moment.setUTCFullYear(moment.getUTCFullYear() - years);
  return moment;
};
const dayYearsAgo = (years: number) => yearsAgo(years).toISOString().slice(0, 10);

const asOwner = <T>(tenantId: string, work: (tx: Transaction) => Promise<T>) => withTenant(owner, { tenantId }, work);
const admin = () => callerAs(a, a.users.admin!);

/** A tenant whose trail began long ago: its fixture events are replaced by `occurredAt`, sealed in that order. */
async function restartTrail(tenantId: string, occurredAt: Date[]) {
  await asOwner(tenantId, async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    await tx.execute(sql`delete from audit_event where tenant_id = ${tenantId}`);
    await tx.execute(sql`delete from audit_seal where tenant_id = ${tenantId}`);
    await tx.execute(sql`update audit_chain_head set seq = 0, hash = '' where tenant_id = ${tenantId}`);
    await tx.execute(sql`set local session_replication_role = origin`);
    await appendAudit(tx, tenantId, occurredAt);
  });
}

async function appendAudit(tx: Transaction, tenantId: string, occurredAt: Date[]) {
  for (const at of occurredAt) await tx.insert(auditEvent).values({ tenantId, occurredAt: at, action: "test.history" });
}

/** A person with one event on `day`, optionally soft-deleted. */
async function eventOn(t: TenantFixture, day: string, deleted = false): Promise<string> {
  return asOwner(t.id, async (tx) => {
    const { eventId } = await plantRecord(tx, t.id, t.records, "open", t.units["north-a-1"]!);
    await tx.execute(sql`update event set occurred_on = ${day}::date, deleted_at = case when ${deleted} then now() end where tenant_id = ${t.id} and id = ${eventId}`);
    return eventId;
  });
}

/** What the tenant holds: its event ids and its audit events by sequence number. */
async function holdings(tenantId: string) {
  return asOwner(tenantId, async (tx) => ({
    events: (await tx.execute<{ id: string }>(sql`select id from event where tenant_id = ${tenantId} order by id`)).map((r) => r.id),
    audit: (
      await tx.execute<{ seq: number; action: string }>(
        sql`select s.seq::int, e.action from audit_event e join audit_seal s on s.tenant_id = e.tenant_id and s.event_id = e.id
            where e.tenant_id = ${tenantId} order by s.lane, s.seq`,
      )
    ).map((r) => ({ seq: r.seq, action: r.action })),
    purges: (await tx.execute<{ through_seq: number }>(sql`select through_seq::int from audit_purge where tenant_id = ${tenantId} order by through_seq`)).map(
      (r) => r.through_seq,
    ),
    chain: await verifyChain(tx, tenantId),
  }));
}

const ids: Record<string, string> = {};

beforeAll(async () => {
  a = await createTenantFixture(owner, "retention");
  b = await createTenantFixture(owner, "retention-other");
  // A: three audit events from 12 to 10 years ago, then today's, then one dated 9 years ago that
  // follows them in the chain (it must stay: only the chain's start may go).
  await restartTrail(a.id, [yearsAgo(12), yearsAgo(11), yearsAgo(10)]);
  await asOwner(a.id, async (tx) => {
    await recordAudit(tx, { tenantId: a.id, action: "test.today" });
    await appendAudit(tx, a.id, [yearsAgo(9)]);
  });
  ids.old = await eventOn(a, dayYearsAgo(8));
  ids.oldDeleted = await eventOn(a, dayYearsAgo(6), true);
  ids.recent = await eventOn(a, dayYearsAgo(4));
  // B holds old data too, and the same settings, but nobody applies them there.
  await restartTrail(b.id, [yearsAgo(12), yearsAgo(11)]);
  ids.otherOld = await eventOn(b, dayYearsAgo(8));
  await callerAs(b, b.users.admin!).retention.update({ eventDataYears: 5, auditYears: 7 });
});

describe("retention settings", () => {
  it("keep everything until a tenant admin sets periods; the change is audited", async () => {
    expect(await admin().retention.get()).toMatchObject({ eventDataYears: null, auditYears: null, preview: null, runsDaily: false });
    await admin().retention.update({ eventDataYears: 5, auditYears: 7 });
    expect(await admin().retention.get()).toMatchObject({ eventDataYears: 5, auditYears: 7, preview: null, runsDaily: false });
    const [row] = await asOwner(a.id, (tx) =>
      tx.execute<{ changes: unknown }>(sql`select changes from audit_event where tenant_id = ${a.id} and action = 'tenant_settings.retention_changed'`),
    );
    expect(row!.changes).toEqual({ before: { eventDataYears: null, auditYears: null }, after: { eventDataYears: 5, auditYears: 7 } });
  });

  it("refuse periods out of bounds and change nothing", async () => {
    for (const bad of [{ eventDataYears: 0, auditYears: 7 }, { eventDataYears: 5, auditYears: 101 }, { eventDataYears: 1.5, auditYears: null }, { eventDataYears: -3, auditYears: 0 }]) {
      await expect(admin().retention.update(bad)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    }
    expect(await admin().retention.get()).toMatchObject({ eventDataYears: 5, auditYears: 7 });
  });

  it("are out of reach without manageSecurity:tenantSettings", async () => {
    const nurse = callerAs(a, a.users.nurse!);
    await expect(nurse.retention.get()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(nurse.retention.update({ eventDataYears: 1, auditYears: 1 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(nurse.retention.preview()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(nurse.retention.applyNow({ previewedAt: new Date().toISOString() })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("the dry run and applying it", () => {
  it("counts the older events (soft-deleted too) and the chain's old prefix, changing nothing", async () => {
    const before = await holdings(a.id);
    const preview = await admin().retention.preview();
    expect(preview).toMatchObject({ eventDataYears: 5, auditYears: 7, eventsBefore: dayYearsAgo(5), events: 2, auditEvents: 3 });
    const after = await holdings(a.id);
    expect(after.events).toEqual(before.events);
    expect(after.audit.slice(0, -1)).toEqual(before.audit); // only the preview's own audit event was added
    expect(after.audit.at(-1)!.action).toBe("retention.previewed");
    expect((await admin().retention.get()).preview).toEqual(preview);
  });

  it("will not apply without the current preview, nor one the data has outgrown", async () => {
    await expect(admin().retention.applyNow({ previewedAt: "2020-01-01T00:00:00.000Z" })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    const preview = await admin().retention.preview();
    ids.lateOld = await eventOn(a, dayYearsAgo(7)); // an old paper record entered after the preview
    await expect(admin().retention.applyNow({ previewedAt: preview.at })).rejects.toMatchObject({ code: "PRECONDITION_FAILED", message: /changed/ });
    await admin().retention.update({ eventDataYears: 6, auditYears: 7 });
    await expect(admin().retention.applyNow({ previewedAt: preview.at })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    await admin().retention.update({ eventDataYears: 5, auditYears: 7 });
    expect((await holdings(a.id)).events).toContain(ids.old);
  });

  it("deletes only this tenant's older events and purges the chain through its last old link, leaving a record", async () => {
    const before = await holdings(a.id);
    const otherBefore = await holdings(b.id);
    const [third] = await asOwner(a.id, (tx) => tx.execute<{ hash: string }>(sql`select hash from audit_seal where tenant_id = ${a.id} and seq = 3`));
    const preview = await admin().retention.preview();
    expect(preview).toMatchObject({ events: 3, auditEvents: 3 });

    expect(await admin().retention.applyNow({ previewedAt: preview.at })).toEqual({ applied: true, events: 3, auditEvents: 3, auditThrough: [{ lane: 0, seq: 3 }] });

    const after = await holdings(a.id);
    expect(after.events).toEqual(before.events.filter((id) => ![ids.old, ids.oldDeleted, ids.lateOld].includes(id)));
    expect(after.events).toContain(ids.recent);
    expect(after.audit[0]).toEqual({ seq: 4, action: "test.today" });
    expect(after.audit[1]).toEqual({ seq: 5, action: "test.history" }); // old, but after a newer link
    expect(after.chain).toEqual({ checked: after.audit.length, broken: null });
    const [purge] = await asOwner(a.id, (tx) =>
      tx.execute<{ older_than: Date; events: string; through_seq: string; through_hash: string }>(
        sql`select older_than, events, through_seq, through_hash from audit_purge where tenant_id = ${a.id} and through_seq > 0`,
      ),
    );
    expect(purge).toMatchObject({ events: "3", through_seq: "3", through_hash: third!.hash });
    expect(new Date(purge!.older_than).toISOString()).toBe(preview.auditBefore);
    const [applied] = await asOwner(a.id, (tx) =>
      tx.execute<{ actor_user_id: string; details: Record<string, unknown> }>(
        sql`select actor_user_id, details from audit_event where tenant_id = ${a.id} and action = 'retention.applied'`,
      ),
    );
    expect(applied).toMatchObject({ actor_user_id: a.users.admin, details: { events: 3, auditEvents: 3, auditThrough: [{ lane: 0, seq: 3 }], eventsBefore: preview.eventsBefore } });

    expect(await holdings(b.id)).toEqual(otherBefore);
    expect(otherBefore.events).toContain(ids.otherOld);
    const view = await admin().retention.get();
    expect(view).toMatchObject({ preview: null, runsDaily: true });
    expect(view.purges[0]).toMatchObject({ events: 3, lane: 0, throughSeq: 3 });
    expect(view.runs[0]).toMatchObject({ events: 3, auditEvents: 3 });
  });

  it("changes nothing when there is nothing left to remove", async () => {
    const preview = await admin().retention.preview();
    expect(preview).toMatchObject({ events: 0, auditEvents: 0 });
    const before = await holdings(a.id);
    expect(await admin().retention.applyNow({ previewedAt: preview.at })).toEqual({ applied: true, events: 0, auditEvents: 0, auditThrough: [] });
    const after = await holdings(a.id);
    expect(after.events).toEqual(before.events);
    expect(after.purges).toEqual(before.purges);
    expect(after.audit.slice(0, -1)).toEqual(before.audit); // only the run's own record
    expect(after.chain.broken).toBeNull();
  });
});

describe("a trail sealed in several lanes", () => {
  it("is purged lane by lane, each through its last old link, and still verifies", async () => {
    const d = await createTenantFixture(owner, "retention-lanes");
    await restartTrail(d.id, [yearsAgo(12), yearsAgo(11), yearsAgo(1)]);
    // Another commit holds lane 0 while these commit, so they are sealed in lane 1.
    await asOwner(d.id, async (holder) => {
      await holder.execute(sql`select 1 from audit_chain_head where tenant_id = ${d.id} and lane = 0 for update`);
      await asOwner(d.id, (tx) => appendAudit(tx, d.id, [yearsAgo(12), yearsAgo(1), yearsAgo(11)]));
    });
    const lanes = async () =>
      asOwner(d.id, (tx) =>
        tx.execute<{ lane: number; seq: number; old: boolean }>(sql`
          select s.lane::int, s.seq::int, s.event_occurred_at < now() - interval '2 years' as old
          from audit_seal s where s.tenant_id = ${d.id} and s.lane > 0 or (s.tenant_id = ${d.id} and s.event_occurred_at < now() - interval '2 years')
          order by s.lane, s.seq`),
      );
    expect(await lanes()).toEqual([
      { lane: 0, seq: 1, old: true },
      { lane: 0, seq: 2, old: true },
      { lane: 1, seq: 1, old: true },
      { lane: 1, seq: 2, old: false },
      { lane: 1, seq: 3, old: true },
    ]);
    const caller = callerAs(d, d.users.admin!);
    await caller.retention.update({ eventDataYears: null, auditYears: 10 });
    const preview = await caller.retention.preview();
    expect(preview.auditEvents).toBe(3);
    expect(await caller.retention.applyNow({ previewedAt: preview.at })).toEqual({
      applied: true,
      events: 0,
      auditEvents: 3,
      auditThrough: [
        { lane: 0, seq: 2 },
        { lane: 1, seq: 1 },
      ],
    });
    // Lane 1's third event is old but follows a newer link: only a lane's start may go.
    expect(await lanes()).toEqual([
      { lane: 1, seq: 2, old: false },
      { lane: 1, seq: 3, old: true },
    ]);
    const after = await holdings(d.id);
    expect(after.chain.broken).toBeNull();
    expect(after.purges).toEqual([0, 1, 2]);
    expect((await caller.retention.get()).purges.slice(0, 2)).toMatchObject([
      { events: 2, lane: 0, throughSeq: 2 },
      { events: 1, lane: 1, throughSeq: 1 },
    ]);
  });
});

describe("the daily job", () => {
  it("acts on tenants whose admin applied the current settings, and on no other", async () => {
    ids.agedOld = await eventOn(a, dayYearsAgo(9));
    const other = await holdings(b.id);
    await runScheduledRetention(owner, new Date());
    expect((await holdings(a.id)).events).not.toContain(ids.agedOld);
    expect(await holdings(b.id)).toEqual(other);
    const [run] = await asOwner(a.id, (tx) =>
      tx.execute<{ actor_name: string; details: Record<string, unknown> }>(
        sql`select e.actor_name, e.details from audit_event e join audit_seal s on s.tenant_id = e.tenant_id and s.event_id = e.id
            where e.tenant_id = ${a.id} and e.action = 'retention.applied' order by s.seq desc limit 1`,
      ),
    );
    expect(run).toMatchObject({ actor_name: "Retention (daily job)", details: { events: 1, auditEvents: 0 } });
  });
});

describe("what retention never does", () => {
  it("purges no audit trail that does not verify", async () => {
    const c = await createTenantFixture(owner, "retention-tampered");
    await restartTrail(c.id, [yearsAgo(12), yearsAgo(11)]);
    await asOwner(c.id, async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx.execute(
        sql`update audit_event set action = 'nothing.happened' where tenant_id = ${c.id} and id = (select event_id from audit_seal where tenant_id = ${c.id} and seq = 1)`,
      );
    });
    const caller = callerAs(c, c.users.admin!);
    await caller.retention.update({ eventDataYears: null, auditYears: 10 });
    const preview = await caller.retention.preview();
    expect(preview.auditEvents).toBe(2);
    await expect(caller.retention.applyNow({ previewedAt: preview.at })).rejects.toMatchObject({ code: "PRECONDITION_FAILED", message: /does not verify/ });
    expect((await holdings(c.id)).audit.slice(0, 2)).toEqual([{ seq: 1, action: "nothing.happened" }, { seq: 2, action: "test.history" }]);
  });

  it("leaves the runtime role unable to delete audit rows or record a purge, switch or no switch", async () => {
    const asRuntime = (statement: ReturnType<typeof sql>) =>
      withTenant(runtime, { tenantId: a.id, userId: a.users.admin }, async (tx) => {
        await tx.execute(sql`select set_config('canopy.audit_retention', 'purge', true)`);
        await tx.execute(statement);
      });
    expect(await dbError(asRuntime(sql`delete from audit_event where tenant_id = ${a.id}`))).toMatch(/permission denied/);
    expect(await dbError(asRuntime(sql`delete from audit_seal where tenant_id = ${a.id}`))).toMatch(/permission denied/);
    expect(
      await dbError(asRuntime(sql`insert into audit_purge (tenant_id, older_than, events, through_seq, through_hash) values (${a.id}, now(), 0, 999, '')`)),
    ).toMatch(/permission denied/);
  });
});
