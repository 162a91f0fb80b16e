import { programIds, type User, type World } from "./world";

/**
 * The "floor" baseline writes a user's scope the way a person would by hand for one user: literal
 * paths and program ids in the SQL text (so the planner sees constants and their statistics), a
 * record's unit looked up in org_unit, run by the owner with RLS bypassed. These builders state
 * the same rules as the policies of db/migrations/0017 and 0025 for that user — capture covers
 * every program, the search scope open and audited ones, protected ones only under an active
 * grant — and nothing at all for a national root or the all-records permission. Values come from
 * the database, never from input.
 */
const ltree = (path: string) => `'${path}'::ltree`;
/** One `<@` per root, OR-ed (an index serves each; none serves `<@ any(array)`). */
const under = (column: string, paths: string[]) =>
  paths.length === 1 ? `${column} <@ ${ltree(paths[0]!)}` : `(${paths.map((p) => `${column} <@ ${ltree(p)}`).join(" or ")})`;
const uuids = (ids: string[]) => `'{${ids.join(",")}}'::uuid[]`;

export const seesEverything = (user: User) => user.allRecords || user.nationalRoot;

/** The unit in `row`.`column` is one for which `condition` holds of `u`: one index probe. */
const unitWhere = (row: string, column: string, condition: string) =>
  `exists (select 1 from org_unit u where u.tenant_id = ${row}.tenant_id and u.id = ${row}.${column} and ${condition})`;

/** Whether `o` (a program_ownership row) is readable by `user`: its owner unit looked up once. */
export function ownerRule(world: World, user: User, o = "o", grants = false): string {
  if (seesEverything(user)) return "true";
  const parts = [under("u.path", user.capturePaths)];
  if (user.searchPaths.length) {
    parts.push(`(${o}.program_id = any(${uuids(programIds(world, "open", "audited"))}) and ${under("u.path", user.searchPaths)})`);
    if (grants) {
      parts.push(`(${o}.program_id = any(${uuids(programIds(world, "protected"))}) and ${under("u.path", user.searchPaths)}
        and exists (select 1 from break_glass_grant g where g.tenant_id = ${o}.tenant_id and g.user_id = '${user.userId}'
                    and g.tracked_entity_id = ${o}.tracked_entity_id and g.program_id = ${o}.program_id
                    and g.ended_at is null and g.expires_at > statement_timestamp()))`);
    }
  }
  return unitWhere(o, "owner_unit_id", `(${parts.join(" or ")})`);
}

/** Whether `t` (a tracked_entity row) is readable: through a readable program, or never enrolled and registered in the search scope. */
export function personRule(world: World, user: User, t = "t", grants = false): string {
  if (seesEverything(user)) return "true";
  return `(exists (select 1 from program_ownership o where o.tenant_id = ${t}.tenant_id and o.tracked_entity_id = ${t}.id and ${ownerRule(world, user, "o", grants)})
    or (not ${t}.ever_enrolled and ${unitWhere(t, "registration_unit_id", under("u.path", [...user.capturePaths, ...user.searchPaths]))}))`;
}

/**
 * An enrolment or event row readable through the owner it carries: the rules of ownerRule on the
 * row's owner unit, whose units are written as a subquery on literal paths (a semi-join for the
 * planner, like a person writing "units under these").
 */
export function pairRule(world: World, user: User, row: string, grants = false): string {
  if (seesEverything(user)) return "true";
  const ownedUnder = (paths: string[]) =>
    `${row}.owner_unit_id in (select u.id from org_unit u where u.tenant_id = '${world.tenantId}' and ${under("u.path", paths)})`;
  const parts = [ownedUnder(user.capturePaths)];
  if (user.searchPaths.length) {
    parts.push(`(${row}.program_id = any(${uuids(programIds(world, "open", "audited"))}) and ${ownedUnder(user.searchPaths)})`);
    if (grants) {
      parts.push(`(${row}.program_id = any(${uuids(programIds(world, "protected"))}) and ${ownedUnder(user.searchPaths)}
        and exists (select 1 from break_glass_grant g where g.tenant_id = ${row}.tenant_id and g.user_id = '${user.userId}'
                    and g.tracked_entity_id = ${row}.tracked_entity_id and g.program_id = ${row}.program_id
                    and g.ended_at is null and g.expires_at > statement_timestamp()))`);
    }
  }
  return `(${parts.join(" or ")})`;
}

/** The capture-scope clause of the search handler (a search that may not reach beyond capture), by hand. */
export function captureRule(user: User, t = "t"): string {
  if (user.nationalRoot) return "true";
  return `((not ${t}.ever_enrolled and ${unitWhere(t, "registration_unit_id", under("u.path", user.capturePaths))})
    or exists (select 1 from program_ownership o where o.tenant_id = ${t}.tenant_id and o.tracked_entity_id = ${t}.id
               and ${unitWhere("o", "owner_unit_id", under("u.path", user.capturePaths))}))`;
}
