import type { Case, Context } from "../cases";
import { pairRule } from "../floor-scope";
import { once, SLOW } from "../measure";

const READERS = ["clinic", "nurse", "hospital", "multi", "district", "region", "national", "admin"];
const PAGE = 50;

/**
 * Query 2: the latest 50 events the user can read (events are judged by their pair's owner), and
 * the next page by keyset on (occurred_on, id) — what an activity list would run.
 */
const select = (schema: string, scope: string, after: boolean) => `
  select e.id, e.tracked_entity_id, e.program_id, e.org_unit_id, e.occurred_on
  from ${schema}.event e
  where e.tenant_id = $1 and e.deleted_at is null ${scope}
    ${after ? "and (e.occurred_on, e.id) < ($2::date, $3::uuid)" : ""}
  order by e.occurred_on desc, e.id desc
  limit ${PAGE}`;

export async function latestEventsCases(ctx: Context): Promise<Case[]> {
  const { world, owner } = ctx;
  const cases: Case[] = [];
  for (const key of READERS) {
    const user = world.users[key]!;
    const floorScope = `and ${pairRule(world, user, "e")}`;
    // The keyset of page two, from the floor's first page (the same rows as the app's: runCase checks that they agree).
    const first = await once({ sql: owner, tenantId: world.tenantId, userId: user.userId }, { text: select("public", floorScope, false), params: [world.tenantId] });
    const last = first.rows.at(-1) as { occurred_on: Date | string; id: string } | undefined;
    const check = (rows: readonly unknown[]) => (rows.length === PAGE ? null : `a page held ${rows.length} events`);
    const isWide = !["clinic", "nurse", "hospital", "multi"].includes(key);
    cases.push({
      query: "2 latest 50 events",
      user,
      app: () => ({ text: select("public", "", false), params: [world.tenantId] }),
      floor: () => ({ text: select("public", floorScope, false), params: [world.tenantId] }),
      naive: ["clinic", "district"].includes(key) ? () => ({ text: select("bench_naive", "", false), params: [world.tenantId] }) : undefined,
      check,
      budget: isWide ? SLOW : undefined,
      target: { pct: "p95", maxRatio: 2 },
    });
    if (!last || first.rows.length < PAGE) continue;
    const keyset = [world.tenantId, dateOf(last.occurred_on), last.id];
    cases.push({
      query: "2 next page (keyset)",
      user,
      app: () => ({ text: select("public", "", true), params: keyset }),
      floor: () => ({ text: select("public", floorScope, true), params: keyset }),
      budget: isWide ? SLOW : undefined,
      target: { pct: "p95", maxRatio: 2 },
    });
  }
  return cases;
}

const dateOf = (value: Date | string) => (typeof value === "string" ? value.slice(0, 10) : value.toISOString().slice(0, 10));
