import { prefixUpperBound } from "@/server/records/search-value";
import type { Case, Context } from "../cases";
import { captureRule, personRule } from "../floor-scope";
import { peopleInScope } from "./samples";

/** Last-name prefixes of common names (db/seed/demo-names.ts), as a clerk types them. */
const PREFIXES = ["kam", "ban", "ses", "kor", "con", "tur", "kar", "jal", "man", "kal"];

/**
 * Query 3: the person search's main query, as server/trpc/routers/record/search.handler.ts builds
 * it. An exact National ID (identifying) searches the effective search scope, where RLS alone
 * decides; a single last-name prefix (not identifying) stays inside the capture scope — from the
 * values filed under the scope's units when it has at most 2,000, else by the
 * policies alone, as every measured persona with a wide scope has no search scope beyond capture (the
 * handler's capture clause is for the users who do). The prefix is also a key range, as the
 * handler gives it. 26 rows = a page of 25 and "more".
 */
const identifier = (scope: string) => `
  select v.tracked_entity_id as id, v.search_value as sort_key
  from tracked_entity_attribute_value v
  where v.tenant_id = $1 and v.attribute_id = $2 and v.search_value = $3 ${scope}
  order by v.search_value, v.tracked_entity_id
  limit 26`;

/** The handler's form for a capture scope of up to 2,000 units: the values filed under them ($5: the floor's literal unit set). */
const prefixFiled = (units: string) => `
  select distinct e.tracked_entity_id as id, e.search_value as sort_key
  from unit_search_value e
  where e.tenant_id = $1 and e.unit_id = any (${units})
    and e.attribute_id = $2 and e.search_value >= $3 and e.search_value < $4 and starts_with(e.search_value, $3)
  order by sort_key, id
  limit 26`;

const prefix = (scope: string) => `
  select v.tracked_entity_id as id, v.search_value as sort_key
  from tracked_entity_attribute_value v
  where v.tenant_id = $1 and v.attribute_id = $2 and v.search_value >= $3 and v.search_value < $4 and starts_with(v.search_value, $3)
    ${scope}
  order by v.search_value, v.tracked_entity_id
  limit 26`;

export async function searchCases(ctx: Context): Promise<Case[]> {
  const { world, owner } = ctx;
  const cases: Case[] = [];
  for (const key of ["clinic", "nurse", "district", "region", "national", "admin"]) {
    const user = world.users[key]!;
    const people = await peopleInScope(owner, world, user);
    const params = (i: number) => [world.tenantId, world.attributes.nationalId, people[i % people.length]!.nationalId];
    const floorScope = personExists(personRule(world, user));
    cases.push({
      query: "3 search, exact National ID",
      user,
      app: (i) => ({ text: identifier(""), params: params(i) }),
      floor: (i) => ({ text: identifier(floorScope), params: params(i) }),
      naive: key === "district" ? (i) => ({ text: identifier("").replace("from tracked_entity_attribute_value", "from bench_naive.tracked_entity_attribute_value"), params: params(i) }) : undefined,
      inputs: people.length,
      check: (rows) => (rows.length === 1 ? null : `an identifier search returned ${rows.length} people`),
      target: { pct: "p95", maxRatio: 2 },
    });
  }
  // The all-records admin searches beyond capture, so the prefix case is for scoped users.
  for (const key of ["clinic", "nurse", "district", "region", "national"]) {
    const user = world.users[key]!;
    const params = (i: number) => [world.tenantId, world.attributes.lastName, PREFIXES[i % PREFIXES.length]!, prefixUpperBound(PREFIXES[i % PREFIXES.length]!)];
    // As the handler chooses: a capture scope of up to 2,000 units reads its filed values (the
    // floor names its units); a wider one without a search scope is held to capture by the
    // policies alone.
    const units = await filedScopeUnits(ctx, user.capturePaths);
    if (!units && user.searchPaths.length) throw new Error(`${key}: the suite has no case for a wide capture scope with a search scope beyond it`);
    cases.push({
      query: "3 search, last-name prefix (capture scope)",
      user,
      inputs: PREFIXES.length,
      ...(units
        ? {
            app: (i: number) => ({ text: prefixFiled("array(select app_scope_unit_ids('capture'))"), params: params(i) }),
            floor: (i: number) => ({ text: prefixFiled("$5::uuid[]"), params: [...params(i), `{${units.join(",")}}`] }),
          }
        : {
            app: (i: number) => ({ text: prefix(""), params: params(i) }),
            floor: (i: number) => ({ text: prefix(personExists(captureRule(user))), params: params(i) }),
          }),
      target: { pct: "p95", maxRatio: 2 },
    });
  }
  return cases;
}

/** The value's person passes `rule`; nothing at all for a user who sees everything. */
const personExists = (rule: string) =>
  rule === "true" ? "" : `and exists (select 1 from tracked_entity t where t.tenant_id = v.tenant_id and t.id = v.tracked_entity_id and ${rule})`;

/** The units under these roots when there are at most 2,000 (as the handler decides), else null. */
async function filedScopeUnits(ctx: Context, paths: string[]): Promise<string[] | null> {
  const rows = await ctx.owner<{ id: string }[]>`
    select distinct u.id from org_unit u where u.tenant_id = ${ctx.world.tenantId} and u.path <@ any(${paths}::ltree[]) limit 2001`;
  return rows.length > 2000 ? null : rows.map((r) => r.id);
}
