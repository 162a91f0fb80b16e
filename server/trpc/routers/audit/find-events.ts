import type { ProtectedContext } from "@/server/trpc/init";
import { eventsQuery } from "./events-query";
import type { AuditFilters } from "./filters.schema";
import { tenantActions } from "./tenant-actions";

export type AuditEventRow = {
  id: string;
  /** ISO 8601 in UTC to the microsecond, as the chain seals it. */
  at: string;
  /** Its lane of the tenant's trail and its number in that lane's chain; null until its transaction commits and seals it. */
  lane: number | null;
  seq: number | null;
  actorUserId: string | null;
  actorName: string | null;
  apiClientId: string | null;
  action: string;
  subjectType: string | null;
  subjectId: string | null;
  personId: string | null;
  programId: string | null;
  programName: string | null;
  orgUnitId: string | null;
  orgUnitName: string | null;
  reason: string | null;
  requestId: string | null;
  outcome: string;
  ip: string | null;
  userAgent: string | null;
  details: Record<string, unknown>;
  changes: { before: Record<string, unknown>; after: Record<string, unknown> } | null;
  hash: string | null;
};

type Row = {
  id: string;
  occurred_at: string;
  lane: number | null;
  seq: string | number | null;
  actor_user_id: string | null;
  actor_name: string | null;
  api_client_id: string | null;
  action: string;
  subject_type: string | null;
  subject_id: string | null;
  person_id: string | null;
  program_id: string | null;
  program_name: string | null;
  org_unit_id: string | null;
  org_unit_name: string | null;
  reason: string | null;
  request_id: string | null;
  outcome: string;
  ip: string | null;
  user_agent: string | null;
  details: Record<string, unknown>;
  changes: AuditEventRow["changes"];
  hash: string | null;
};

/** The exact actions a filter names: itself, or for a family ("record.") every action in it. */
async function actionsFor(ctx: ProtectedContext, action: string | undefined): Promise<string[] | null> {
  if (!action) return null;
  if (!action.endsWith(".")) return [action];
  return (await tenantActions(ctx.db, ctx.tenant.id)).filter((name) => name.startsWith(action));
}

/** Up to `limit` events of the caller's tenant matching the filters, newest first, after the cursor event. */
export async function findEvents(
  ctx: ProtectedContext,
  filters: AuditFilters,
  page: { after: { at: Date; id: string } | null; limit: number },
): Promise<AuditEventRow[]> {
  const actions = await actionsFor(ctx, filters.action);
  const rows = await ctx.db.execute<Row>(eventsQuery({ tenantId: ctx.tenant.id, filters, actions, ...page }));
  return rows.map((r) => ({
    id: r.id,
    at: r.occurred_at,
    lane: r.lane,
    seq: r.seq === null ? null : Number(r.seq),
    actorUserId: r.actor_user_id,
    actorName: r.actor_name,
    apiClientId: r.api_client_id,
    action: r.action,
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    personId: r.person_id,
    programId: r.program_id,
    programName: r.program_name,
    orgUnitId: r.org_unit_id,
    orgUnitName: r.org_unit_name,
    reason: r.reason,
    requestId: r.request_id,
    outcome: r.outcome,
    ip: r.ip,
    userAgent: r.user_agent,
    details: r.details,
    changes: r.changes,
    hash: r.hash,
  }));
}
