import type postgres from "postgres";

/** The tables a naive query reads, copied with their data and indexes. */
const COPIED = ["tracked_entity", "tracked_entity_attribute_value", "program_ownership", "enrollment", "event"] as const;

/**
 * The "naive peer" baseline of issue 7: the same access rules as the real policies, but written
 * the way DESIGN.md §8 warns against — the scope check walks the owner's ancestors with a
 * recursive CTE over org_unit.parent_id instead of using a stored path. The real policies are not
 * touched: the rules go on copies of the record tables in a separate schema, bench_naive, read by
 * the runtime role with RLS on exactly like the real tables.
 */
export async function ensureNaiveSchema(sql: postgres.Sql, log: (m: string) => void): Promise<void> {
  const [exists] = await sql`select 1 from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'bench_naive' and c.relname = 'event'`;
  if (exists) return followSchema(sql, log);
  await sql`drop schema if exists bench_naive cascade`;
  await sql`create schema bench_naive`;
  for (const table of COPIED) {
    await sql.unsafe(`create table bench_naive.${table} (like public.${table} including defaults including constraints)`);
    await sql.unsafe(`insert into bench_naive.${table} select * from public.${table}`);
    // The path indexes serve the real policies only; the naive rules walk parent ids instead.
    const indexes = await sql<{ definition: string }[]>`
      select pg_get_indexdef(indexrelid) as definition from pg_index
      where indrelid = ${`public.${table}`}::regclass and pg_get_indexdef(indexrelid) not like '%USING gist%'`;
    for (const { definition } of indexes) {
      await sql.unsafe(definition.replace(/^CREATE (UNIQUE )?INDEX \S+ ON public\.(\w+)/, "CREATE $1INDEX ON bench_naive.$2"));
    }
    await sql.unsafe(`alter table bench_naive.${table} enable row level security`);
    await sql.unsafe(
      `create policy tenant_isolation on bench_naive.${table} as permissive for all to public
         using (tenant_id = (select app_current_tenant_id()))`,
    );
    log(`naive copy of ${table}`);
  }
  const covers = (table: string, unitColumn: string, kinds: string) => `exists (
      with recursive up(id, parent_id) as (
        select u.id, u.parent_id from public.org_unit u where u.tenant_id = ${table}.tenant_id and u.id = ${table}.${unitColumn}
        union all
        select p.id, p.parent_id from public.org_unit p join up on p.tenant_id = ${table}.tenant_id and p.id = up.parent_id)
      select 1 from up join public.user_scope s on s.tenant_id = ${table}.tenant_id and s.org_unit_id = up.id
      where s.user_id = (select app_current_user_id()) and ${kinds})`;
  const ownedBy = (table: string, person: string, program: string | null) =>
    `exists (select 1 from bench_naive.program_ownership o where o.tenant_id = ${table}.tenant_id and o.tracked_entity_id = ${table}.${person}${program ? ` and o.program_id = ${table}.${program}` : ""})`;
  const policies: Record<string, string> = {
    program_ownership: `(select app_has_permission('accessAllRecords:trackedEntity'))
      or ${covers("program_ownership", "owner_unit_id", `(s.kind = 'capture'
           or (s.kind = 'search' and program_ownership.program_id = any((select app_program_ids('{open,audited}'))::uuid[]))
           or (s.kind = 'search' and program_ownership.program_id = any((select app_program_ids('{protected}'))::uuid[])
               and exists (select 1 from public.break_glass_grant g
                           where g.tenant_id = program_ownership.tenant_id and g.user_id = (select app_current_user_id())
                             and g.tracked_entity_id = program_ownership.tracked_entity_id and g.program_id = program_ownership.program_id
                             and g.ended_at is null and g.expires_at > statement_timestamp())))`)}`,
    tracked_entity: `(select app_has_permission('accessAllRecords:trackedEntity'))
      or (not ever_enrolled and ${covers("tracked_entity", "registration_unit_id", "s.kind in ('capture', 'search')")})
      or ${ownedBy("tracked_entity", "id", null)}`,
    tracked_entity_attribute_value: `exists (select 1 from bench_naive.tracked_entity p
      where p.tenant_id = tracked_entity_attribute_value.tenant_id and p.id = tracked_entity_attribute_value.tracked_entity_id)`,
    enrollment: ownedBy("enrollment", "tracked_entity_id", "program_id"),
    event: ownedBy("event", "tracked_entity_id", "program_id"),
  };
  for (const [table, using] of Object.entries(policies)) {
    await sql.unsafe(`create policy scope_read on bench_naive.${table} as restrictive for select to canopy_app using (${using})`);
  }
  await sql`grant usage on schema bench_naive to canopy_app`;
  await sql`grant select on all tables in schema bench_naive to canopy_app`;
  await sql`analyze bench_naive.tracked_entity, bench_naive.tracked_entity_attribute_value, bench_naive.program_ownership, bench_naive.enrollment, bench_naive.event`;
}

/**
 * A copy made before a migration added a column gets it, filled from the real table, so a kept
 * tenant follows the schema forward as the real tables do.
 */
async function followSchema(sql: postgres.Sql, log: (m: string) => void): Promise<void> {
  for (const table of COPIED) {
    const missing = await sql<{ name: string; type: string }[]>`
      select a.attname as name, format_type(a.atttypid, a.atttypmod) as type from pg_attribute a
      where a.attrelid = ${`public.${table}`}::regclass and a.attnum > 0 and not a.attisdropped
        and not exists (select 1 from pg_attribute b where b.attrelid = ${`bench_naive.${table}`}::regclass
                          and b.attname = a.attname and not b.attisdropped)`;
    for (const { name, type } of missing) {
      await sql.unsafe(`alter table bench_naive.${table} add column ${name} ${type}`);
      await sql.unsafe(`update bench_naive.${table} n set ${name} = p.${name} from public.${table} p where p.tenant_id = n.tenant_id and p.id = n.id`);
      await sql.unsafe(`vacuum analyze bench_naive.${table}`);
      log(`naive copy of ${table}: added ${name}`);
    }
  }
}
