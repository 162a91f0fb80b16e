import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { withTenant } from "@/db/tenant-transaction";

/**
 * What the tests of the specialised runtime roles (wide, local) hold each of them to against
 * canopy_app: the same kind of role, the same grants, and what each shows of every record table.
 */

/** Record tables and what identifies a row of each. */
export const RECORD_TABLES = {
  tracked_entity: "id",
  tracked_entity_attribute_value: "tracked_entity_id::text || attribute_id::text",
  program_ownership: "id",
  ownership_change: "id",
  enrollment: "id",
  event: "id",
  break_glass_grant: "id",
} as const;

export type Seen = Record<string, string[]>;

/** Every row of every record table the bound user sees on `db`, by table, and what the binding decided. */
export async function visibleRecords(db: Database, tenantId: string, userId: string | null): Promise<{ seen: Seen; bySets: boolean }> {
  return withTenant(db, { tenantId, userId }, async (tx, bound) => {
    const seen: Seen = {};
    for (const [table, key] of Object.entries(RECORD_TABLES)) {
      const rows = await tx.execute<{ key: string }>(sql.raw(`select ${key} as key from ${table} order by 1`));
      seen[table] = rows.map((r) => r.key);
    }
    return { seen, bySets: bound.readsByUnitSets };
  });
}

/** Keys `shown` holds that `reference` does not, per table (each empty when it shows no more). */
export const shownBeyond = (shown: Seen, reference: Seen): Seen =>
  Object.fromEntries(Object.keys(RECORD_TABLES).map((t) => [t, shown[t]!.filter((key) => !reference[t]!.includes(key))]));
export const NOTHING_BEYOND: Seen = Object.fromEntries(Object.keys(RECORD_TABLES).map((t) => [t, []]));

/** A role's attributes, what it owns and its memberships. */
export async function roleKind(owner: Database, role: string) {
  const [row] = await owner.execute(sql`
    select r.rolsuper, r.rolbypassrls, r.rolcreaterole, r.rolcreatedb, r.rolreplication,
           (select count(*) from pg_class where relowner = r.oid) + (select count(*) from pg_proc where proowner = r.oid)
             + (select count(*) from pg_namespace where nspowner = r.oid) as owned,
           (select count(*) from pg_auth_members m where m.member = r.oid or m.roleid = r.oid) as memberships
      from pg_roles r where r.rolname = ${role}`);
  return row;
}
/** What roleKind reads for a runtime role: a plain login role that owns nothing and belongs nowhere. */
export const PLAIN_ROLE = { rolsuper: false, rolbypassrls: false, rolcreaterole: false, rolcreatedb: false, rolreplication: false, owned: "0", memberships: "0" };

/** Every privilege granted to `role` on the public schema's tables, columns and functions, and on schemas. */
export async function roleGrants(owner: Database, role: string): Promise<string[]> {
  const rows = await owner.execute<{ grant: string }>(sql`
    select 'table ' || c.oid::regclass || ' ' || a.privilege_type as grant
      from pg_class c cross join lateral aclexplode(c.relacl) a
     where c.relnamespace = 'public'::regnamespace and a.grantee = ${role}::regrole
    union all
    select 'column ' || att.attrelid::regclass || '.' || att.attname || ' ' || a.privilege_type
      from pg_attribute att join pg_class c on c.oid = att.attrelid cross join lateral aclexplode(att.attacl) a
     where c.relnamespace = 'public'::regnamespace and a.grantee = ${role}::regrole
    union all
    select 'function ' || p.oid::regprocedure || ' ' || a.privilege_type
      from pg_proc p cross join lateral aclexplode(p.proacl) a
     where p.pronamespace = 'public'::regnamespace and a.grantee = ${role}::regrole
    union all
    select 'schema ' || n.nspname || ' ' || a.privilege_type
      from pg_namespace n cross join lateral aclexplode(n.nspacl) a
     where a.grantee = ${role}::regrole
    order by 1`);
  return rows.map((r) => r.grant);
}

/** Attempts a runtime role must fail: purging the audit trail, reading with row security off. */
export function forbiddenAttempts(db: Database) {
  return {
    purge: () =>
      db.transaction(async (tx) => {
        await tx.execute(sql`select set_config('canopy.audit_retention', 'purge', true)`);
        return tx.execute(sql`delete from audit_event`);
      }),
    bypass: () =>
      db.transaction(async (tx) => {
        await tx.execute(sql`set local row_security = off`);
        return tx.execute(sql`select count(*) from tracked_entity`);
      }),
  };
}
