import { and, desc, eq } from "drizzle-orm";
import { auditEvent, auditPurge } from "@/db/schema";
import { currentPreview, loadRetentionSettings, runsDaily } from "@/server/jobs/retention-settings";
import { ensureCan, type ProtectedContext } from "@/server/trpc/init";

const HISTORY = 20;

/**
 * The Retention page: the periods, the last dry run if it is still current, whether the daily
 * job acts, the audit purges (audit_purge outlives the trail it trimmed; one row per lane cut) and the recent runs
 * (their `retention.applied` events, which also count the event data deleted).
 */
export async function getRetentionHandler({ ctx }: { ctx: ProtectedContext }) {
  ensureCan(ctx, "manageSecurity", "tenantSettings");
  const settings = await loadRetentionSettings(ctx.db, ctx.tenant.id);
  const purges = await ctx.db
    .select({ id: auditPurge.id, purgedAt: auditPurge.purgedAt, olderThan: auditPurge.olderThan, events: auditPurge.events, lane: auditPurge.lane, throughSeq: auditPurge.throughSeq })
    .from(auditPurge)
    .where(eq(auditPurge.tenantId, ctx.tenant.id))
    .orderBy(desc(auditPurge.purgedAt), auditPurge.lane)
    .limit(HISTORY);
  const runs = await ctx.db
    .select({ id: auditEvent.id, at: auditEvent.occurredAt, actorName: auditEvent.actorName, details: auditEvent.details })
    .from(auditEvent)
    .where(and(eq(auditEvent.tenantId, ctx.tenant.id), eq(auditEvent.action, "retention.applied")))
    .orderBy(desc(auditEvent.occurredAt))
    .limit(HISTORY);
  return {
    eventDataYears: settings.eventDataYears,
    auditYears: settings.auditYears,
    preview: currentPreview(settings),
    runsDaily: runsDaily(settings),
    purges,
    runs: runs.map(({ details, ...run }) => ({ ...run, events: Number(details.events ?? 0), auditEvents: Number(details.auditEvents ?? 0) })),
  };
}
