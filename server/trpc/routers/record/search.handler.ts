import { TRPCError } from "@trpc/server";
import { sql, type SQL } from "drizzle-orm";
import { pipelined } from "@/db/pipelined";
import type { AttributeMeta } from "@/server/records/metadata";
import { recordSettingsOf, typeAttributes } from "@/server/records/metadata-cache";
import { normalizeSearchValue, prefixUpperBound, searchMode } from "@/server/records/search-value";
import { valueSchema } from "@/server/records/value-schema";
import { ensureCan, type ProtectedContext } from "@/server/trpc/init";
import { auditAction } from "@/server/trpc/audit";
import type { SearchInput } from "./record.schema";
import { personSummaries } from "./person-summaries";
import { decodeSearchCursor, encodeSearchCursor } from "./search-cursor";

type Criterion = { attribute: AttributeMeta; value: string; prefix: boolean };

/**
 * Finds people by attributes inside the effective search scope (RLS decides visibility). Without
 * an identifying attribute, or the tenant's number of searchable ones, the search stays inside
 * the capture scope and says so: by a free-text criterion, from the values filed under the
 * scope's units (unit_search_value) when it has at most 2,000; otherwise by a capture clause on each
 * match, unless nothing is readable beyond capture (no search scope, or a capture scope over the
 * whole tree) and the policies alone already say exactly that. More matches than a page is never
 * an error: the first page comes back with `more` and the UI asks to narrow. Protected records
 * the caller could break the glass on are listed apart, with nothing but their program.
 * `filedUnits` is how large a capture scope may be to be searched by its filed values (tests set
 * it to 0 to compare the two ways).
 */
export async function searchHandler({ ctx, input }: { ctx: ProtectedContext; input: SearchInput }, filedUnits = FILED_UNITS) {
  ensureCan(ctx, "read", "trackedEntity");
  // Statements that do not depend on each other go out together (db/pipelined.ts).
  const [criteria, settings] = await pipelined([parseCriteria(ctx, input), recordSettingsOf(ctx)]);
  const allRecords = ctx.ability.can("accessAllRecords", "trackedEntity");
  const beyondCapture = allRecords || criteria.some((c) => c.attribute.identifying) || criteria.length >= settings.searchMinAttributes;
  const limit = beyondCapture ? null : await captureLimit(ctx, filedUnits);
  // Filed values are free text, so a free-text criterion drives a search of them; otherwise exact
  // identifying values are the most selective: let one of them drive the query.
  const filedDriver = limit?.filed ? criteria.find((c) => c.prefix) : undefined;
  const ordered = filedDriver
    ? [filedDriver, ...criteria.filter((c) => c !== filedDriver)]
    : [...criteria].sort((a, b) => Number(a.prefix) - Number(b.prefix) || Number(b.attribute.identifying) - Number(a.attribute.identifying));
  const [driver, ...others] = ordered as [Criterion, ...Criterion[]];
  const after = input.cursor ? decodeSearchCursor(input.cursor) : null;

  const filters = (alias: SQL) => sql`${matches(alias, driver)}
      ${sql.join(others.map((c) => sql`and coalesce((${otherValueMatches(alias, c)}), false)`), sql` `)}
      ${after ? sql`and (${alias}.search_value, ${alias}.tracked_entity_id) > (${after.key}, ${after.id}::uuid)` : sql``}`;
  // Filed values: one index range per unit of the scope; a person filed under two of its units
  // (two programs, two owners) is listed once.
  const search = filedDriver
    ? ctx.db.execute<{ id: string; sort_key: string }>(sql`
        select distinct e.tracked_entity_id as id, e.search_value as sort_key
        from unit_search_value e
        where e.tenant_id = ${ctx.tenant.id} and e.unit_id = any (array(select app_scope_unit_ids('capture'))) and ${filters(sql`e`)}
        order by sort_key, id
        limit ${input.limit + 1}`)
    : ctx.db.execute<{ id: string; sort_key: string }>(sql`
        select v.tracked_entity_id as id, v.search_value as sort_key
        from tracked_entity_attribute_value v
        where v.tenant_id = ${ctx.tenant.id} and ${filters(sql`v`)} ${limit?.clause ? captureClause : sql``}
        order by v.search_value, v.tracked_entity_id
        limit ${input.limit + 1}`);
  const [rows, protectedCandidates] = await pipelined([
    search,
    beyondCapture && !allRecords && !after ? protectedMatchesOf(ctx, ordered) : [],
  ]);
  const page = rows.slice(0, input.limit);
  const more = rows.length > input.limit;
  const people = await personSummaries(ctx, page.map((r) => r.id));
  const listed = new Set(people.map((p) => p.id));
  // Protected matches of people the caller cannot see at all, and of people listed on this page.
  const protectedMatches = protectedCandidates.filter((m) => !m.personVisible || listed.has(m.personId));
  await auditAction(ctx, {
    action: "record.searched",
    subjectType: "trackedEntityType",
    subjectId: input.trackedEntityTypeId,
    details: {
    attributeIds: criteria.map((c) => c.attribute.id),
    beyondCapture,
    resultIds: people.map((p) => p.id),
    protectedMatches: protectedMatches.length,
    },
  });
  const last = page.at(-1);
  return {
    people,
    protectedMatches,
    more,
    nextCursor: more && last ? encodeSearchCursor({ key: last.sort_key, id: last.id }) : null,
    beyondCapture,
    searchMinAttributes: settings.searchMinAttributes,
  };
}

/**
 * The capture clause of a search that may not reach beyond capture, for a scope too large for its
 * filed values whose search scope reaches beyond it: each match that passed the policies looks
 * its unit up by index. (A hashed set of the scope's units was rebuilt for every match, inside the
 * correlated subquery: 3 ms each for a region at 2M people.)
 */
const captureClause = sql`and exists (select 1 from tracked_entity t
    where t.tenant_id = v.tenant_id and t.id = v.tracked_entity_id
      and ((not t.ever_enrolled and app_unit_in_scope(t.tenant_id, t.registration_unit_id, 'capture'))
           or exists (select 1 from program_ownership o where o.tenant_id = t.tenant_id and o.tracked_entity_id = t.id
                      and app_unit_in_scope(o.tenant_id, o.owner_unit_id, 'capture'))))`;

/**
 * Up to this many units, a search held to the capture scope reads the values filed under them:
 * one index range per unit, ~5 µs each, so ~10 ms at most (a district at 2M people: ~1,250
 * units, 7 ms). Walking the name index instead costs as many policy checks as it passes matches
 * outside the scope before it has a page: few for a wide scope when names are spread evenly,
 * thousands when a name is common elsewhere (an S region's prefix search walking past 116,000
 * namesakes captured in another region: 32 ms, against 4–7 ms by its 1,000 units' ranges).
 */
const FILED_UNITS = 2000;

/**
 * How a search that may not reach beyond capture is held there: from the values filed under the
 * scope's units (unit_search_value), by the policies alone (nothing is readable beyond capture),
 * or by the capture clause. A district's name matches are a small share of the country's:
 * walking the name index judged every match in the tenant by the person's policies to keep one
 * in 80 (30 ms at 200k people, 60 ms at 2M); its filed values are read in 0.7 and 7 ms.
 * A capture scope over the whole tree skips the count.
 */
async function captureLimit(ctx: ProtectedContext, filedUnits: number): Promise<{ filed?: true; clause?: true }> {
  const [row] = await ctx.db.execute<{ units: number | null; policies_suffice: boolean }>(sql`
    select case when not app_scope_covers_tree('capture')
                then (select count(*)::int from (select app_scope_unit_ids('capture') limit ${filedUnits + 1}) u) end as units,
           app_scope_covers_tree('capture') or not app_has_search_roots() as policies_suffice`);
  if (row?.units !== null && row?.units !== undefined && row.units <= filedUnits) return { filed: true };
  return row?.policies_suffice ? {} : { clause: true };
}

/**
 * A prefix is also given as a key range: the statement is prepared, and a cached generic plan
 * cannot turn `starts_with(col, $n)` into index bounds (it then read every value of the
 * attribute before the prefix: 7 ms instead of 0.4 at 200k people). Both are leakproof.
 */
function matches(alias: SQL, c: Criterion): SQL {
  return c.prefix
    ? sql`${alias}.attribute_id = ${c.attribute.id} and ${alias}.search_value >= ${c.value}
        and ${alias}.search_value < ${prefixUpperBound(c.value)} and starts_with(${alias}.search_value, ${c.value})`
    : sql`${alias}.attribute_id = ${c.attribute.id} and ${alias}.search_value = ${c.value}`;
}

/**
 * Whether the person's own value of another attribute matches: a scalar subquery on the unique
 * (person, attribute) key, so the planner cannot turn it into a join that checks the policies
 * on every person matching that attribute alone (measured: 269 ms → see test/bench).
 */
function otherValueMatches(alias: SQL, c: Criterion): SQL {
  const test = c.prefix ? sql`starts_with(w.search_value, ${c.value})` : sql`w.search_value = ${c.value}`;
  return sql`select ${test} from tracked_entity_attribute_value w
    where w.tenant_id = ${alias}.tenant_id and w.tracked_entity_id = ${alias}.tracked_entity_id and w.attribute_id = ${c.attribute.id}`;
}

async function parseCriteria(ctx: ProtectedContext, input: SearchInput): Promise<Criterion[]> {
  const attributes = await typeAttributes(ctx, input.trackedEntityTypeId);
  if (!attributes.length) throw new TRPCError({ code: "BAD_REQUEST", message: "That kind of record does not exist." });
  const seen = new Set<string>();
  return input.criteria.map(({ attributeId, value }) => {
    const attribute = attributes.find((a) => a.id === attributeId);
    if (!attribute || !(attribute.searchable || attribute.identifying)) {
      throw new TRPCError({ code: "BAD_REQUEST", message: `${attribute?.name ?? "That attribute"} cannot be searched.` });
    }
    if (seen.has(attributeId)) throw new TRPCError({ code: "BAD_REQUEST", message: `${attribute.name} is given twice.` });
    seen.add(attributeId);
    const prefix = searchMode(attribute) === "prefix";
    const checked = prefix ? { success: true as const, data: value } : valueSchema(attribute).safeParse(value);
    if (!checked.success) throw new TRPCError({ code: "BAD_REQUEST", message: checked.error.issues[0]!.message });
    return { attribute, value: normalizeSearchValue(checked.data), prefix };
  });
}

/** Protected pairs matching the criteria that the caller could break the glass on, with whether the person is visible at all. */
async function protectedMatchesOf(ctx: ProtectedContext, criteria: Criterion[]) {
  const matches = await ctx.db.execute<{ tracked_entity_id: string; program_id: string; program_name: string; visible: boolean }>(sql`
    select m.tracked_entity_id, m.program_id, p.name as program_name,
           exists (select 1 from tracked_entity t where t.tenant_id = p.tenant_id and t.id = m.tracked_entity_id) as visible
    from app_protected_matches(
      ${sql`array[${sql.join(criteria.map((c) => sql`${c.attribute.id}::uuid`), sql`, `)}]`},
      ${sql`array[${sql.join(criteria.map((c) => sql`${c.value}::text`), sql`, `)}]`},
      ${sql`array[${sql.join(criteria.map((c) => sql`${c.prefix}::boolean`), sql`, `)}]`},
      20) m
    join program p on p.tenant_id = ${ctx.tenant.id} and p.id = m.program_id`);
  return matches.map((m) => ({ personId: m.tracked_entity_id, programId: m.program_id, programName: m.program_name, personVisible: m.visible }));
}
