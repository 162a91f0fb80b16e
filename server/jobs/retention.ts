import { eq, sql } from "drizzle-orm";
import type { Database, Transaction } from "@/db/client";
import { auditPurge, tenant } from "@/db/schema";
import { withTenant } from "@/db/tenant-transaction";
import { recordAudit, type AuditEntry } from "@/server/audit/record";
import { chainProblem, verifyChain } from "@/server/audit/verify-chain";
import { cutoffsAt, loadRetentionSettings, parseRetentionSettings, samePeriods, type RetentionPreview } from "./retention-settings";

/**
 * Retention for one tenant, run on the OWNER connection: the runtime role may not delete events
 * or audit rows, nor write audit_purge. The owner bypasses the scope policies but not tenant
 * isolation (unless it is a superuser), so every statement also names the tenant itself.
 */

type Cutoffs = Pick<RetentionPreview, "eventsBefore" | "auditBefore">;
/** Where the purge ends in one lane of the audit trail: its seals 1…throughSeq, `events` of them still there. */
type LaneCut = { lane: number; throughSeq: number; events: number };
type Found = { events: number; auditEvents: number; lanes: LaneCut[] };

/**
 * What the cutoffs remove: events (soft-deleted ones too) that occurred before the date, and from
 * each lane of the audit trail its start through the last event before the lane's first one at or
 * after the moment. Purging only a prefix keeps what remains of each lane one unbroken chain that
 * audit_verify_chain can check.
 */
async function find(tx: Transaction, tenantId: string, cutoffs: Cutoffs): Promise<Found> {
  const [events] = cutoffs.eventsBefore
    ? await tx.execute<{ n: number }>(sql`select count(*)::int as n from event where tenant_id = ${tenantId} and occurred_on < ${cutoffs.eventsBefore}::date`)
    : [{ n: 0 }];
  if (!cutoffs.auditBefore) return { events: events!.n, auditEvents: 0, lanes: [] };
  const cuts = await tx.execute<{ lane: number; through_seq: string; n: number }>(sql`
    with boundary as (
      select h.lane, coalesce(
        (select s.seq - 1 from audit_seal s
          where s.tenant_id = ${tenantId} and s.lane = h.lane and s.event_occurred_at >= ${cutoffs.auditBefore}::timestamptz order by s.seq limit 1),
        h.seq) as through_seq
      from audit_chain_head h where h.tenant_id = ${tenantId}
    )
    select b.lane, b.through_seq, c.n
    from boundary b
    cross join lateral (select count(*)::int as n from audit_seal s
      where s.tenant_id = ${tenantId} and s.lane = b.lane and s.event_occurred_at < ${cutoffs.auditBefore}::timestamptz and s.seq <= b.through_seq) c
    where c.n > 0
    order by b.lane`);
  const lanes = cuts.map((c) => ({ lane: c.lane, throughSeq: Number(c.through_seq), events: c.n }));
  return { events: events!.n, auditEvents: lanes.reduce((sum, c) => sum + c.events, 0), lanes };
}

/** The dry run: what applying the tenant's current settings at `now` would remove. Changes nothing. */
export function previewRetention(owner: Database, tenantId: string, now: Date): Promise<RetentionPreview> {
  return withTenant(owner, { tenantId }, async (tx) => {
    const settings = await loadRetentionSettings(tx, tenantId);
    const periods = { eventDataYears: settings.eventDataYears, auditYears: settings.auditYears };
    const cutoffs = cutoffsAt(periods, now);
    const { events, auditEvents } = await find(tx, tenantId, cutoffs);
    return { ...periods, at: now.toISOString(), ...cutoffs, events, auditEvents };
  });
}

/** Who applied it: the admin's request, or the daily job. */
export type RetentionActor = Pick<AuditEntry, "actorUserId" | "actorName" | "requestId" | "ip" | "userAgent">;

export type ApplyOutcome =
  | { applied: true; events: number; auditEvents: number; auditThrough: { lane: number; seq: number }[] }
  | { applied: false; reason: "settings_changed" | "data_changed" }
  | { applied: false; reason: "chain_broken"; problem: string };

/**
 * Applies a dry run exactly: with its cutoffs, only while the settings are those it was made for
 * and it still counts the same (otherwise the caller must preview again). In one transaction:
 * deletes the events, purges each audit lane's prefix (after checking the chains, so a purge never
 * hides tampering) behind an audit_purge record per lane, marks the settings approved for the
 * daily job, and appends `retention.applied` — so the removal and its record commit or fail
 * together.
 */
export function applyRetention(owner: Database, tenantId: string, preview: RetentionPreview, actor: RetentionActor): Promise<ApplyOutcome> {
  return withTenant(owner, { tenantId }, async (tx): Promise<ApplyOutcome> => {
    // One run per tenant at a time: the daily job and an admin's "Apply now" queue up here.
    const [row] = await tx.select({ settings: tenant.settings }).from(tenant).where(eq(tenant.id, tenantId)).for("update");
    if (!samePeriods(preview, parseRetentionSettings(row?.settings))) return { applied: false, reason: "settings_changed" };
    const found = await find(tx, tenantId, preview);
    if (found.events !== preview.events || found.auditEvents !== preview.auditEvents) return { applied: false, reason: "data_changed" };

    if (found.auditEvents > 0) {
      const chain = await verifyChain(tx, tenantId);
      if (chain.broken) return { applied: false, reason: "chain_broken", problem: chainProblem(chain.broken) };
      for (const cut of found.lanes) await purgeAuditPrefix(tx, tenantId, preview.auditBefore!, cut);
    }
    const deleted = preview.eventsBefore
      ? await tx.execute(sql`delete from event where tenant_id = ${tenantId} and occurred_on < ${preview.eventsBefore}::date`)
      : { count: 0 };
    const approved = { eventDataYears: preview.eventDataYears, auditYears: preview.auditYears };
    await tx
      .update(tenant)
      .set({
        settings: sql`jsonb_set(${tenant.settings}, '{retention}', (coalesce(${tenant.settings}->'retention', '{}') - 'lastPreview') || ${JSON.stringify({ approved })}::jsonb)`,
      })
      .where(eq(tenant.id, tenantId));
    const auditThrough = found.lanes.map((cut) => ({ lane: cut.lane, seq: cut.throughSeq }));
    const outcome = { applied: true as const, events: deleted.count, auditEvents: found.auditEvents, auditThrough };
    await recordAudit(tx, {
      tenantId,
      ...actor,
      action: "retention.applied",
      subjectType: "tenant",
      subjectId: tenantId,
      details: { ...approved, previewedAt: preview.at, eventsBefore: preview.eventsBefore, auditBefore: preview.auditBefore, ...outcome },
    });
    return outcome;
  });
}

/**
 * Removes audit events 1…S of one lane (S = cut.throughSeq) and their seals. The audit_purge row
 * comes first and names the lane, S and its hash, which is where audit_verify_chain resumes. The
 * trigger lets the owner delete only while `canopy.audit_retention` says so, and only for these
 * statements.
 */
async function purgeAuditPrefix(tx: Transaction, tenantId: string, auditBefore: string, cut: LaneCut): Promise<void> {
  const [last] = await tx.execute<{ hash: string }>(
    sql`select hash from audit_seal
         where tenant_id = ${tenantId} and lane = ${cut.lane} and event_occurred_at < ${auditBefore}::timestamptz and seq = ${cut.throughSeq}`,
  );
  if (!last) throw new Error(`audit event ${cut.throughSeq} of lane ${cut.lane} of tenant ${tenantId} is missing`);
  await tx.insert(auditPurge).values({
    tenantId,
    olderThan: new Date(auditBefore),
    events: cut.events,
    lane: cut.lane,
    throughSeq: cut.throughSeq,
    throughHash: last.hash,
  });
  await tx.execute(sql`select set_config('canopy.audit_retention', 'purge', true)`);
  const purged = await tx.execute(sql`
    delete from audit_event e using audit_seal s
     where e.tenant_id = ${tenantId} and e.occurred_at < ${auditBefore}::timestamptz
       and s.tenant_id = ${tenantId} and s.lane = ${cut.lane} and s.seq <= ${cut.throughSeq} and e.occurred_at = s.event_occurred_at and e.id = s.event_id`);
  const unsealed = await tx.execute(sql`delete from audit_seal where tenant_id = ${tenantId} and lane = ${cut.lane} and seq <= ${cut.throughSeq}`);
  await tx.execute(sql`select set_config('canopy.audit_retention', '', true)`);
  // Counted a moment ago in this transaction, under the tenant lock: a difference is a bug, not a race.
  if (purged.count !== cut.events || unsealed.count !== cut.events) {
    throw new Error(`purged ${purged.count} audit events and ${unsealed.count} seals from lane ${cut.lane}, expected ${cut.events}`);
  }
}
