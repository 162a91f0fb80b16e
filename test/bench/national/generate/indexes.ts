import type postgres from "postgres";

/** The record tables the bulk load fills. */
export const LOADED_TABLES = [
  "tracked_entity",
  "tracked_entity_attribute_value",
  "program_ownership",
  "ownership_change",
  "enrollment",
  "event",
  "program_org_unit",
  "unit_search_value",
] as const;

/**
 * Secondary indexes are dropped before the load and rebuilt after it (one sorted build instead of
 * millions of random inserts). Their exact definitions (pg_get_indexdef) are kept in
 * bench.dropped_index first, so what is rebuilt is what the migrations made. Indexes behind a
 * constraint (primary keys, unique pairs that foreign keys reference) stay.
 */
export async function dropSecondaryIndexes(sql: postgres.Sql): Promise<void> {
  await sql`create table if not exists bench.dropped_index (name text primary key, definition text not null)`;
  await sql`
    insert into bench.dropped_index (name, definition)
    select i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)
    from pg_index i
    where i.indrelid = any(${LOADED_TABLES as unknown as string[]}::regclass[])
      and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)
    on conflict do nothing`;
  for (const { name } of await sql<{ name: string }[]>`select name from bench.dropped_index`) {
    await sql.unsafe(`drop index if exists ${name}`);
  }
}

export async function rebuildSecondaryIndexes(sql: postgres.Sql, log: (m: string) => void): Promise<void> {
  for (const { name, definition } of await sql<{ name: string; definition: string }[]>`select name, definition from bench.dropped_index order by name`) {
    await sql.unsafe(definition);
    await sql`delete from bench.dropped_index where name = ${name}`;
    log(`index ${name}`);
  }
}
