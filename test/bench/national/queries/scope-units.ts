import { poolFor, type Case, type Context } from "../cases";
import { once } from "../measure";
import type { User } from "../world";

/**
 * How a list or an aggregate over a narrow scope tells the planner where to look: the app
 * resolves the units of the caller's effective search scope (a superset of every owner the
 * caller may read, grants included) and adds `owner_unit_id = any($units)` to its query. The
 * policies stay the lock; this only lets PostgreSQL use the owner-unit indexes with the real
 * number of units at plan time. Nothing when the scope covers the whole tree or the caller
 * sees all records: those read everything anyway.
 */
const RESOLVE = `
  select coalesce(array_agg(unit), '{}') as units
  from app_scope_unit_ids('search') as unit
  where not (select app_scope_covers_tree('search'))
    and not (select app_has_permission('accessAllRecords:trackedEntity'))`;

export async function scopeUnits(ctx: Context, user: User): Promise<string[] | null> {
  const { rows } = await once({ sql: poolFor(ctx, user), tenantId: ctx.world.tenantId, userId: user.userId }, { text: RESOLVE, params: [] });
  const units = (rows[0]?.units ?? []) as string[];
  return units.length ? units : null;
}

/**
 * What a request pays once, per user class: binding its transaction (app_bind resolves scope and
 * permissions for the policies; every request), and resolving the scope's units (requests that
 * list or count).
 */
export function perRequestCases(ctx: Context): Case[] {
  return ["clinic", "district", "region", "national"].flatMap((key) => {
    const user = ctx.world.users[key]!;
    return [
      { query: "request binding, app_bind (once per request)", user, app: () => ({ text: "select app_bind($1::uuid, $2::uuid)", params: [ctx.world.tenantId, user.userId] }) },
      { query: "scope units resolved (once per list or count)", user, app: () => ({ text: RESOLVE, params: [] }) },
    ];
  });
}
