import type { Case, Context } from "../cases";
import { peopleInScope } from "../queries/samples";
import type { User } from "../world";

/**
 * Measured sketches behind the report's recommendations (`--prototypes`); none is the app.
 *
 * P1 splits the point read's gap to the floor: the floor run again with the policies' own
 * predicates and helper calls inlined (no RLS, no nesting), then with the scope read from
 * transaction settings bound once per request (what a cached-scope helper would cost).
 * (The earlier P2/P4 sketches — owner on event and enrolment rows — are now the app's schema.)
 */

/** The person policy (tracked_entity + program_ownership) with `scope(kind)`, `all` and `open` as the caller supplies them. */
const personPredicate = (scope: (kind: "capture" | "search") => string, all: string, open: string) => `
  (${all}
   or exists (select 1 from program_ownership o where o.tenant_id = t.tenant_id and o.tracked_entity_id = t.id
              and (${all} or o.owner_path <@ any(${scope("capture")})
                   or (o.program_id = any(${open}) and o.owner_path <@ any(${scope("search")}))))
   or (not t.ever_enrolled and t.registration_path <@ any(${scope("search")})))`;

const helpers = personPredicate(
  (kind) => `(select app_scope_paths('${kind}'))::ltree[]`,
  `(select app_has_permission('accessAllRecords:trackedEntity'))`,
  `(select app_program_ids('{open,audited}'))::uuid[]`,
);
const cached = personPredicate(
  // The cast stays outside the parentheses: ANY((select …)) would be read as ANY(subquery).
  (kind) => `(select current_setting('bench.${kind}'))::ltree[]`,
  `(select current_setting('bench.all'))::boolean`,
  `(select current_setting('bench.open'))::uuid[]`,
);
/** What a request would bind once: the resolved scope, as transaction-local settings. */
const bindScope = {
  text: `select set_config('bench.capture', app_scope_paths('capture')::text, true), set_config('bench.search', app_scope_paths('search')::text, true),
                set_config('bench.open', app_program_ids('{open,audited}')::text, true),
                set_config('bench.all', app_has_permission('accessAllRecords:trackedEntity')::text, true)`,
  params: [],
};

const pointRead = (scope: string) => `
  select t.id, t.registration_unit_id, t.ever_enrolled, v.attribute_id, v.value
  from tracked_entity t
  left join tracked_entity_attribute_value v on v.tenant_id = t.tenant_id and v.tracked_entity_id = t.id
  where t.tenant_id = $1 and t.id = $2 ${scope} order by v.attribute_id`;

export async function prototypeCases(ctx: Context): Promise<Case[]> {
  const { world, owner } = ctx;
  const cases: Case[] = [];
  for (const key of ["clinic", "district", "national"]) {
    const user = world.users[key]!;
    const people = await peopleInScope(owner, world, user);
    const params = (i: number) => [world.tenantId, people[i % people.length]!.id];
    cases.push(
      { query: "P1 point read vs floor + inlined helpers", user, app: (i) => ({ text: pointRead(""), params: params(i) }), floor: (i) => ({ text: pointRead(`and ${helpers}`), params: params(i) }) },
      {
        query: "P1 point read vs floor + scope bound per request",
        user,
        app: (i) => ({ text: pointRead(""), params: params(i) }),
        floor: (i) => ({ text: pointRead(`and ${cached}`), params: params(i) }),
        floorPreamble: bindScope,
      },
    );
  }
  return cases;
}
