import { TRPCError } from "@trpc/server";
import { sql, type SQL } from "drizzle-orm";
import { pipelined } from "@/db/pipelined";
import { loadRecordSettings } from "@/server/records/record-settings";
import { loadTypeAttributes, type AttributeMeta } from "@/server/records/metadata";
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
 * the capture scope and says so: from the scope's people when it has few; otherwise by a capture
 * clause on each match, unless nothing is readable beyond capture (no search scope, or a capture
 * scope over the whole tree) and the policies alone already say exactly that. More matches than
 * a page is never an error: the first page comes back with `more` and the UI asks to narrow.
 * Protected records the caller could break the glass on are listed apart, with nothing but their
 * program.
 */
export async function searchHandler({ ctx, input }: { ctx: ProtectedContext; input: SearchInput }) {
  ensureCan(ctx, "read", "trackedEntity");
  // Statements that do not depend on each other go out together (db/pipelined.ts).
  const [criteria, settings] = await pipelined([parseCriteria(ctx, input), loadRecordSettings(ctx.db, ctx.tenant.id)]);
  const allRecords = ctx.ability.can("accessAllRecords", "trackedEntity");
  const beyondCapture = allRecords || criteria.some((c) => c.attribute.identifying) || criteria.length >= settings.searchMinAttributes;
  // Exact identifying values are the most selective: let one of them drive the query.
  const ordered = [...criteria].sort((a, b) => Number(a.prefix) - Number(b.prefix) || Number(b.attribute.identifying) - Number(a.attribute.identifying));
  const [driver, ...others] = ordered as [Criterion, ...Criterion[]];
  const after = input.cursor ? decodeSearchCursor(input.cursor) : null;
  const limit = beyondCapture ? null : await captureLimit(ctx);

  const filters = sql`${matches(sql`v`, driver)}
      ${sql.join(others.map((c) => sql`and coalesce((${otherValueMatches(c)}), false)`), sql` `)}
      ${after ? sql`and (v.search_value, v.tracked_entity_id) > (${after.key}, ${after.id}::uuid)` : sql``}`;
  // From a small scope's people, each one's value looked up by its key: OFFSET 0 keeps the planner
  // from turning it back into a walk of the name index that probes the people as a set.
  const search = limit?.people
    ? ctx.db.execute<{ id: string; sort_key: string }>(sql`
        select m.id, m.sort_key
        from (select distinct s.id from (${peopleOfUnits(ctx.tenant.id, limit.people)}) s(id)) p
        cross join lateral (
          select v.tracked_entity_id as id, v.search_value as sort_key
          from tracked_entity_attribute_value v
          where v.tenant_id = ${ctx.tenant.id} and v.tracked_entity_id = p.id and ${filters}
          offset 0) m
        order by m.sort_key, m.id
        limit ${input.limit + 1}`)
    : ctx.db.execute<{ id: string; sort_key: string }>(sql`
        select v.tracked_entity_id as id, v.search_value as sort_key
        from tracked_entity_attribute_value v
        where v.tenant_id = ${ctx.tenant.id} and ${filters} ${limit?.clause ? captureClause : sql``}
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
 * The capture clause of a search that may not reach beyond capture, for a scope not searched from
 * its people whose search scope reaches beyond it: each match that passed the policies looks its
 * unit up by index. (A hashed set of the scope's units was rebuilt for every match, inside the
 * correlated subquery: 3 ms each for a region at 2M people.)
 */
const captureClause = sql`and exists (select 1 from tracked_entity t
    where t.tenant_id = v.tenant_id and t.id = v.tracked_entity_id
      and ((not t.ever_enrolled and app_unit_in_scope(t.tenant_id, t.registration_unit_id, 'capture'))
           or exists (select 1 from program_ownership o where o.tenant_id = t.tenant_id and o.tracked_entity_id = t.id
                      and app_unit_in_scope(o.tenant_id, o.owner_unit_id, 'capture'))))`;

/** Up to this many people (ownerships), a capture scope is searched from its people. */
const FEW_PEOPLE = 2000;

/**
 * How a search that may not reach beyond capture is held there: from the scope's people (a
 * small scope holding few), by the policies alone (nothing is readable beyond capture), or by the
 * capture clause. A clinic's name matches are spread over the whole country: searching from the
 * scope's people (their ownerships and never-enrolled registrations, then each one's value by its
 * unique key) reads a few hundred rows where walking the name index read every match in the
 * tenant, each checked by the policies (a clinic's prefix search at 2M people: 0.75 s → 1 ms). A
 * busy facility is the other way round (the demo's nurse: 18 ms from the name index, 65 ms from
 * 3,000 people), hence the count, bounded so that it costs little. The request binding holds the
 * units of a scope of up to 64. Without a search scope, what the policies admit is the capture
 * scope, and a clause checking it again doubled a district's prefix search at 2M people.
 */
async function captureLimit(ctx: ProtectedContext): Promise<{ people?: string[]; clause?: true }> {
  const [row] = await ctx.db.execute<{ units: string[] | null; people: number; policies_suffice: boolean }>(sql`
    select s.units,
           (select count(*)::int from (
              select 1 from program p
              join program_ownership o on o.tenant_id = p.tenant_id and o.program_id = p.id and o.owner_unit_id = any(s.units)
              where p.tenant_id = ${ctx.tenant.id}
              limit ${FEW_PEOPLE}) few) as people,
           app_scope_covers_tree('capture') or not app_has_search_roots() as policies_suffice
    from (select app_scope_unit_set('capture') as units) s`);
  if (row?.units && row.people < FEW_PEOPLE) return { people: row.units };
  return row?.policies_suffice ? {} : { clause: true };
}

/** The people a capture scope of these units holds: an owner among them, or never enrolled and registered there. */
function peopleOfUnits(tenantId: string, units: string[]): SQL {
  const unitArray = sql`${`{${units.join(",")}}`}::uuid[]`;
  return sql`select o.tracked_entity_id from program p
      join program_ownership o on o.tenant_id = p.tenant_id and o.program_id = p.id and o.owner_unit_id = any(${unitArray})
      where p.tenant_id = ${tenantId}
    union all
    select t.id from tracked_entity t
      where t.tenant_id = ${tenantId} and not t.ever_enrolled and t.registration_unit_id = any(${unitArray})`;
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
function otherValueMatches(c: Criterion): SQL {
  const test = c.prefix ? sql`starts_with(w.search_value, ${c.value})` : sql`w.search_value = ${c.value}`;
  return sql`select ${test} from tracked_entity_attribute_value w
    where w.tenant_id = v.tenant_id and w.tracked_entity_id = v.tracked_entity_id and w.attribute_id = ${c.attribute.id}`;
}

async function parseCriteria(ctx: ProtectedContext, input: SearchInput): Promise<Criterion[]> {
  const attributes = await loadTypeAttributes(ctx.db, ctx.tenant.id, input.trackedEntityTypeId);
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
