import type { Case, Context } from "../cases";
import { seesEverything } from "../floor-scope";
import { SLOW } from "../measure";
import { peopleInScope } from "../queries/samples";
import type { User } from "../world";

/**
 * Measured sketches behind the report's recommendations (`--prototypes`); none is the app.
 *
 * P1 splits the point read's gap to the floor: the floor run again with the policies' own
 * predicates and helper calls inlined (no RLS, no nesting), then with the scope read from
 * transaction settings bound once per request (what a cached-scope helper would cost).
 * P2/P4 run latest-50 and the counts on bench_alt, where events and enrolments carry their owner
 * (./alt-schema.ts); P2 also with the app passing its narrow scope's unit ids as a plain equality.
 */
const lit = (paths: string[]) => `'{${paths.join(",")}}'::ltree[]`;

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

const latest = (scope: string) => `
  select e.id, e.tracked_entity_id, e.program_id, e.org_unit_id, e.occurred_on
  from bench_alt.event e
  where e.tenant_id = $1 and e.deleted_at is null ${scope}
  order by e.occurred_on desc, e.id desc
  limit 50`;

const counts = (scope: string) => `
  select e.program_id, count(*)::int as enrolments
  from bench_alt.enrollment e
  where e.tenant_id = $1 and e.deleted_at is null ${scope}
  group by e.program_id
  order by e.program_id`;

/** The capture-scope owner check written by hand against the denormalized column. */
const ownerLiteral = (user: User) => (seesEverything(user) ? "" : `and e.owner_path <@ any(${lit(user.capturePaths)})`);

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
  for (const key of ["clinic", "hospital", "district", "region", "national", "admin"]) {
    const user = world.users[key]!;
    cases.push({
      query: "P2 latest 50, owner on the event row",
      user,
      app: () => ({ text: latest(""), params: [world.tenantId] }),
      floor: () => ({ text: latest(ownerLiteral(user)), params: [world.tenantId] }),
      budget: SLOW,
      target: { pct: "p95", maxRatio: 2 },
    });
  }
  for (const key of ["clinic", "hospital", "district"]) {
    const user = world.users[key]!;
    // A narrow scope's units, as the app would resolve them once per session (org units are tenant-wide readable).
    const units = (await owner.unsafe<{ id: string }[]>(`select id from org_unit where tenant_id = $1 and path <@ any(${lit(user.capturePaths)})`, [world.tenantId])).map((u) => u.id);
    cases.push({
      query: "P2 latest 50, owner on the event + app passes scope unit ids",
      user,
      app: () => ({ text: latest("and e.owner_unit_id = any($2::uuid[])"), params: [world.tenantId, units] }),
      floor: () => ({ text: latest(`${ownerLiteral(user)} and e.owner_unit_id = any($2::uuid[])`), params: [world.tenantId, units] }),
      target: { pct: "p95", maxRatio: 2 },
    });
  }
  for (const [key, maxRatio] of [["district", 1.5], ["region", 1.5], ["national", 1.2], ["admin", 1.2]] as const) {
    const user = world.users[key]!;
    cases.push({
      query: "P4 enrolment counts, owner on the enrolment row",
      user,
      app: () => ({ text: counts(""), params: [world.tenantId] }),
      floor: () => ({ text: counts(ownerLiteral(user)), params: [world.tenantId] }),
      budget: SLOW,
      target: { pct: "p95", maxRatio },
    });
  }
  // The app passing a district's or region's unit ids (leakproof equality, usable under RLS).
  for (const key of ["district", "region"]) {
    const user = world.users[key]!;
    const units = (await owner.unsafe<{ id: string }[]>(`select id from org_unit where tenant_id = $1 and path <@ any(${lit(user.capturePaths)})`, [world.tenantId])).map((u) => u.id);
    cases.push({
      query: "P4 enrolment counts, owner on the row + app passes scope unit ids",
      user,
      app: () => ({ text: counts("and e.owner_unit_id = any($2::uuid[])"), params: [world.tenantId, units] }),
      floor: () => ({ text: counts(`${ownerLiteral(user)} and e.owner_unit_id = any($2::uuid[])`), params: [world.tenantId, units] }),
      budget: SLOW,
      target: { pct: "p95", maxRatio: 1.5 },
    });
  }
  return cases;
}
