import { sql, type SQL } from "drizzle-orm";
import type { AuditFilters } from "./filters.schema";

export type EventsQuery = {
  tenantId: string;
  filters: AuditFilters;
  /** The exact action names to include (a family already expanded), or null for every action. */
  actions: string[] | null;
  /** The last event of the previous page (keyset), or null for the newest. */
  after: { at: Date; id: string } | null;
  limit: number;
};

/**
 * The SQL for audit events matching the filters, newest first by (occurred_at, id), with the
 * program's and unit's names. Shaped for the indexes, which all lead with tenant_id and end with
 * occurred_at: an explicit `tenant_id =` (also what routes a query to one shard on Citus), each
 * filter as a plain leakproof equality or time range (so it can use its index under RLS), and
 * `order by occurred_at desc, id desc limit n` so an index scan can stop after n rows. Names
 * and each event's seal (its number and hash in the chain) are joined after the limit, for the n
 * rows only; an event of the caller's own transaction has no seal yet.
 */
export function eventsQuery({ tenantId, filters, actions, after, limit }: EventsQuery): SQL {
  const conditions = [
    sql`a.tenant_id = ${tenantId}`,
    filters.actorUserId ? sql`a.actor_user_id = ${filters.actorUserId}` : null,
    actions ? sql`a.action = wanted.action` : null,
    filters.subjectType ? sql`a.subject_type = ${filters.subjectType}` : null,
    filters.subjectId ? sql`a.subject_id = ${filters.subjectId}` : null,
    filters.personId ? sql`a.person_id = ${filters.personId}` : null,
    filters.programId ? sql`a.program_id = ${filters.programId}` : null,
    filters.orgUnitId ? sql`a.org_unit_id = ${filters.orgUnitId}` : null,
    filters.from ? sql`a.occurred_at >= ${filters.from}::timestamptz` : null,
    filters.to ? sql`a.occurred_at < ${filters.to}::timestamptz` : null,
    // No index of its own: failures are few and read together with another filter or a time range.
    filters.outcome ? sql`a.outcome = ${filters.outcome}` : null,
    after ? afterCursor(tenantId, after) : null,
  ].filter((condition) => condition !== null);
  const newest = sql`
    select a.id, a.occurred_at, a.actor_user_id, a.actor_name, a.api_client_id, a.action, a.subject_type, a.subject_id,
      a.person_id, a.program_id, a.org_unit_id, a.reason, a.request_id, a.outcome, a.ip, a.user_agent, a.details, a.changes
    from audit_event a
    where ${sql.join(conditions, sql` and `)}
    order by a.occurred_at desc, a.id desc
    limit ${limit}`;
  // Several actions (a family): the newest n of each, each from its own ordered index range, then
  // the newest n of those — rather than one range over all of them that must be sorted whole.
  const events = actions
    ? sql`
      select e.* from unnest(array[${sql.join(actions.map((action) => sql`${action}`), sql`, `)}]::text[]) as wanted(action)
      cross join lateral (${newest}) e
      order by e.occurred_at desc, e.id desc
      limit ${limit}`
    : newest;
  return sql`
    select e.id, to_char(e.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as occurred_at, s.lane, s.seq,
      e.actor_user_id, e.actor_name, e.api_client_id, e.action, e.subject_type, e.subject_id,
      e.person_id, e.program_id, p.name as program_name, e.org_unit_id, u.name as org_unit_name,
      e.reason, e.request_id, e.outcome, e.ip, e.user_agent, e.details, e.changes, s.hash
    from (${events}) e
    left join audit_seal s on s.tenant_id = ${tenantId} and s.event_id = e.id
    left join program p on p.tenant_id = ${tenantId} and p.id = e.program_id
    left join org_unit u on u.tenant_id = ${tenantId} and u.id = e.org_unit_id
    order by e.occurred_at desc, e.id desc`;
}

/**
 * Events after the cursor event in the list's order. Spelled out rather than as the row value
 * `(occurred_at, id) < (…)`, which PostgreSQL does not turn into an index bound when the time
 * comes from a subquery: this way `occurred_at <=` bounds every filter's index scan.
 */
function afterCursor(tenantId: string, after: { at: Date; id: string }): SQL {
  const at = exactTime(tenantId, after);
  return sql`a.occurred_at <= ${at} and (a.occurred_at < ${at} or a.id < ${after.id}::uuid)`;
}

/**
 * The cursor event's own time. The cursor carries a JavaScript Date, which keeps milliseconds, but
 * events are stamped to the microsecond and a transaction's events share one stamp: comparing
 * with the cut-off time would skip or repeat events. The cursor event is found by its primary key
 * within that millisecond. Should retention have removed it since, it removed every older event
 * too: the time is then null and the list rightly ends. (No coalesce() here: PostgreSQL counts it
 * as possibly leaky, and under row-level security a leaky condition cannot use an index.)
 */
function exactTime(tenantId: string, after: { at: Date; id: string }): SQL {
  const from = after.at.toISOString();
  const until = new Date(after.at.getTime() + 1).toISOString();
  return sql`(select c.occurred_at from audit_event c
    where c.tenant_id = ${tenantId} and c.occurred_at >= ${from}::timestamptz and c.occurred_at < ${until}::timestamptz and c.id = ${after.id}::uuid)`;
}
