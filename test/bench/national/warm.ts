import type postgres from "postgres";

/** Warm cache, as the targets assume: the record tables and their indexes in shared buffers. */
export async function warm(owner: postgres.Sql, log: (m: string) => void): Promise<void> {
  await owner`create extension if not exists pg_prewarm`;
  const [row] = await owner<{ blocks: number }[]>`
    select coalesce(sum(pg_prewarm(c.oid)), 0)::bigint as blocks
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'i')
      and (c.relname like any (array['tracked_entity%', 'program%', 'enrollment%', 'event%', 'org_unit%', 'user_%', 'role%', 'break_glass%'])
           or c.oid in (select indexrelid from pg_index where indrelid in (select oid from pg_class where relname in ('tracked_entity', 'tracked_entity_attribute_value', 'program_ownership', 'enrollment', 'event', 'org_unit', 'user_scope'))))`;
  log(`prewarmed ${Math.round((Number(row?.blocks ?? 0) * 8) / 1024)} MB`);
}

/** What the tenant holds at the start of the run (captures of earlier runs add people and audit rows). */
export async function tableCounts(owner: postgres.Sql): Promise<Record<string, number>> {
  const [row] = await owner`
    select (select count(*) from org_unit)::int as units, (select count(*) from user_account)::int as users,
           (select count(*) from tracked_entity)::int as people, (select count(*) from enrollment)::int as enrolments,
           (select count(*) from event)::int as events, (select count(*) from tracked_entity_attribute_value)::int as attribute_values,
           (select count(*) from audit_event)::int as audit_events`;
  return row as Record<string, number>;
}
