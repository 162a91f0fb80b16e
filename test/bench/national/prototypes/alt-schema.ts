import type postgres from "postgres";

/**
 * A measured sketch of the change this report recommends for lists and aggregates — NOT a change
 * to the app. Events and enrolments carry their pair's owner (owner_unit_id, owner_path, kept by
 * the same triggers that keep program_ownership's), so their read policy checks the row itself
 * instead of an EXISTS on program_ownership, which RLS evaluates as a per-row SubPlan over every
 * row of the tenant. Copies live in schema bench_alt, with the real helpers in the policies.
 */
const ownerRule = (table: string) => `(select app_has_permission('accessAllRecords:trackedEntity'))
  or ${table}.owner_path <@ any((select app_scope_paths('capture'))::ltree[])
  or (${table}.program_id = any((select app_program_ids('{open,audited}'))::uuid[]) and ${table}.owner_path <@ any((select app_scope_paths('search'))::ltree[]))
  or (${table}.program_id = any((select app_program_ids('{protected}'))::uuid[]) and ${table}.owner_path <@ any((select app_scope_paths('search'))::ltree[])
      and exists (select 1 from public.break_glass_grant g where g.tenant_id = ${table}.tenant_id and g.user_id = (select app_current_user_id())
                  and g.tracked_entity_id = ${table}.tracked_entity_id and g.program_id = ${table}.program_id
                  and g.ended_at is null and g.expires_at > statement_timestamp()))`;

export async function ensureAltSchema(sql: postgres.Sql, log: (m: string) => void): Promise<void> {
  const [exists] = await sql`select 1 from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'bench_alt' and c.relname = 'enrollment'`;
  if (exists) return;
  await sql`drop schema if exists bench_alt cascade`;
  await sql`create schema bench_alt`;
  for (const table of ["event", "enrollment"]) {
    await sql.unsafe(`
      create table bench_alt.${table} as
      select x.*, o.owner_unit_id, o.owner_path from public.${table} x
      join public.program_ownership o on o.tenant_id = x.tenant_id and o.tracked_entity_id = x.tracked_entity_id and o.program_id = x.program_id`);
    await sql.unsafe(`alter table bench_alt.${table} add primary key (tenant_id, id)`);
    await sql.unsafe(`create index on bench_alt.${table} using gist (owner_path)`);
    // Wide scopes walk the newest rows first; narrow ones (the app passing its scope's unit ids) go by owner unit.
    await sql.unsafe(
      table === "event"
        ? `create index on bench_alt.event (tenant_id, occurred_on desc, id desc);
           create index on bench_alt.event (tenant_id, owner_unit_id, occurred_on desc, id desc)`
        : `create index on bench_alt.enrollment (tenant_id, owner_unit_id)`,
    );
    await sql.unsafe(`alter table bench_alt.${table} enable row level security`);
    await sql.unsafe(`create policy tenant_isolation on bench_alt.${table} as permissive for all to public using (tenant_id = (select app_current_tenant_id()))`);
    await sql.unsafe(`create policy scope_read on bench_alt.${table} as restrictive for select to canopy_app using (${ownerRule(table)})`);
    log(`prototype copy of ${table}`);
  }
  await sql`grant usage on schema bench_alt to canopy_app`;
  await sql`grant select on all tables in schema bench_alt to canopy_app`;
  await sql`vacuum (analyze) bench_alt.event, bench_alt.enrollment`;
}
