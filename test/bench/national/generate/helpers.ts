import type postgres from "postgres";

/**
 * SQL-side helpers for generating the tenant inside the server (INSERT … SELECT generate_series),
 * which is far faster than shipping rows from Node. They live in a `bench` schema of the bench
 * database only; the app never sees them.
 *
 * Determinism: `bench.rand(stream, i)` is a pure function of its arguments, built on
 * hashint8extended (the hash PostgreSQL's hash partitioning relies on, so it is stable across
 * platforms and restarts), and ids are md5 of (kind, index) shaped as UUID v4, so every run and
 * every machine generates the same tenant, and a fixture can compute an id instead of storing it.
 */
export async function createHelpers(sql: postgres.Sql): Promise<void> {
  await sql.unsafe(`
    create schema if not exists bench;
    create or replace function bench.rand(stream integer, i bigint) returns float8
      language sql immutable parallel safe
      as $$ select ((hashint8extended(i, stream) >> 11) & ((1::bigint << 52) - 1))::float8 / (1::bigint << 52)::float8 $$;
    create or replace function bench.uid(kind text, i bigint) returns uuid
      language sql immutable parallel safe
      as $$ select (substr(h, 1, 12) || '4' || substr(h, 14, 3) || substr('89ab', get_byte(decode(substr(h, 17, 2), 'hex'), 0) % 4 + 1, 1) || substr(h, 18, 15))::uuid
            from md5(kind || ':' || i) h $$;
    create or replace function bench.label(id uuid) returns ltree
      language sql immutable parallel safe
      as $$ select text2ltree(replace(id::text, '-', '')) $$;
    create table if not exists bench.generated (
      size text primary key, spec text not null, tenant_id uuid, started_at timestamptz not null default clock_timestamp(),
      finished_at timestamptz, steps jsonb not null default '{}'::jsonb);
  `);
}

/** The same normalization as the attribute_value_normalize trigger (db/migrations/0018), as SQL over `expr`. */
export const normalizedSql = (expr: string) => `lower(regexp_replace(btrim(${expr}), '\\s+', ' ', 'g'))`;
