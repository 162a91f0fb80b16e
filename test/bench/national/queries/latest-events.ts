import type { Case, Context } from "../cases";
import { pairRule } from "../floor-scope";
import { once, SLOW } from "../measure";
import { unitCount } from "../sizes";
import { scopeUnits } from "./scope-units";

const READERS = ["clinic", "nurse", "hospital", "multi", "district", "region", "national", "admin"];
const PAGE = 50;
/**
 * Up to this many scope units the list goes unit by unit: each unit's newest 50 from the
 * owner-unit index (ordered, so each stops after 50), merged; beyond it, walking the newest events
 * of the tenant finds 50 readable ones sooner (a district holds ~1/80 of them, a clinic ~1/10,000).
 */
const NARROW_UNITS = 100;
/**
 * A wide list's walk passes about PAGE × (units in the tree / units in scope) rows before it has
 * a page. The policies check each against the scope's unit set, built and hashed once (~0.5 µs a
 * unit at M), unless the list asks them to look each row's owner unit up instead (~2.5 µs a row
 * since db/migrations/0058, ~6.5 µs before; the hint app.probe_owner_units, 0037). The list asks
 * when the set would cost more.
 */
const PROBE_TO_HASH_COST = 5;
const PROBE_HINT = { text: "select set_config('app.probe_owner_units', 'on', true)", params: [] };
const probesCheaper = (scopeUnits: number, treeUnits: number) => scopeUnits > PROBE_TO_HASH_COST * PAGE * (treeUnits / scopeUnits);
const COLUMNS = "e.id, e.tracked_entity_id, e.program_id, e.org_unit_id, e.occurred_on";

/**
 * Query 2: the latest 50 events the user can read (events carry their pair's owner), and the
 * next page by keyset on (occurred_on, id) — what an activity list would run.
 */
function select(schema: string, scope: string, after: boolean, narrow: boolean): string {
  const keyset = after ? "and (e.occurred_on, e.id) < ($2::date, $3::uuid)" : "";
  if (!narrow) {
    return `
  select ${COLUMNS}
  from ${schema}.event e
  where e.tenant_id = $1 and e.deleted_at is null ${scope} ${keyset}
  order by e.occurred_on desc, e.id desc
  limit ${PAGE}`;
  }
  return `
  select e.* from unnest($${after ? 4 : 2}::uuid[]) as unit(id)
  cross join lateral (
    select ${COLUMNS}
    from ${schema}.event e
    where e.tenant_id = $1 and e.owner_unit_id = unit.id and e.deleted_at is null ${scope} ${keyset}
    order by e.occurred_on desc, e.id desc
    limit ${PAGE}) e
  order by e.occurred_on desc, e.id desc
  limit ${PAGE}`;
}

export async function latestEventsCases(ctx: Context): Promise<Case[]> {
  const { world, owner } = ctx;
  const cases: Case[] = [];
  for (const key of READERS) {
    const user = world.users[key]!;
    const floorScope = `and ${pairRule(world, user, "e")}`;
    const units = await scopeUnits(ctx, user);
    const narrow = units !== null && units.length <= NARROW_UNITS;
    const extra = narrow ? [units] : [];
    const setup = units !== null && !narrow && probesCheaper(units.length, unitCount(world.spec)) ? PROBE_HINT : undefined;
    // The keyset of page two, from the floor's first page (the same rows as the app's: runCase checks that they agree).
    const first = await once(
      { sql: owner, tenantId: world.tenantId, userId: user.userId },
      { text: select("public", floorScope, false, narrow), params: [world.tenantId, ...extra] },
    );
    const last = first.rows.at(-1) as { occurred_on: Date | string; id: string } | undefined;
    const check = (rows: readonly unknown[]) => (rows.length === PAGE ? null : `a page held ${rows.length} events`);
    const isWide = !narrow;
    cases.push({
      query: "2 latest 50 events",
      user,
      app: () => ({ text: select("public", "", false, narrow), params: [world.tenantId, ...extra], setup }),
      floor: () => ({ text: select("public", floorScope, false, narrow), params: [world.tenantId, ...extra] }),
      naive: ["clinic", "district"].includes(key) ? () => ({ text: select("bench_naive", "", false, false), params: [world.tenantId] }) : undefined,
      check,
      budget: isWide ? SLOW : undefined,
      target: { pct: "p95", maxRatio: 2 },
    });
    if (!last || first.rows.length < PAGE) continue;
    const keyset = [world.tenantId, dateOf(last.occurred_on), last.id, ...extra];
    cases.push({
      query: "2 next page (keyset)",
      user,
      app: () => ({ text: select("public", "", true, narrow), params: keyset, setup }),
      floor: () => ({ text: select("public", floorScope, true, narrow), params: keyset }),
      budget: isWide ? SLOW : undefined,
      target: { pct: "p95", maxRatio: 2 },
    });
  }
  return cases;
}

const dateOf = (value: Date | string) => (typeof value === "string" ? value.slice(0, 10) : value.toISOString().slice(0, 10));
