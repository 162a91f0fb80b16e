import type { Case, Context } from "../cases";
import { pairRule } from "../floor-scope";
import { SLOW } from "../measure";
import { scopeUnits } from "./scope-units";

/**
 * Query 4: enrolment counts per program over everything the user can read — the aggregate a
 * district, regional or national officer's dashboard would show. Enrolments carry their pair's
 * owner; the app names its scope's units so the owner-unit index serves a district or a region.
 */
const select = (schema: string, scope: string, narrow: boolean) => `
  select e.program_id, count(*)::int as enrolments
  from ${schema}.enrollment e
  where e.tenant_id = $1 and e.deleted_at is null ${scope}
    ${narrow ? "and e.owner_unit_id = any($2::uuid[])" : ""}
  group by e.program_id
  order by e.program_id`;

export async function countCases(ctx: Context): Promise<Case[]> {
  const { world } = ctx;
  const targets = { district: 1.5, region: 1.5, national: 1.2 } as const;
  const cases: Case[] = [];
  for (const [key, maxRatio] of Object.entries(targets)) {
    const user = world.users[key]!;
    const rule = pairRule(world, user, "e");
    const units = await scopeUnits(ctx, user);
    const params = [world.tenantId, ...(units ? [units] : [])];
    cases.push({
      query: "4 enrolment counts per program",
      user,
      app: () => ({ text: select("public", "", units !== null), params }),
      floor: () => ({ text: select("public", rule === "true" ? "" : `and ${rule}`, units !== null), params }),
      naive: () => ({ text: select("bench_naive", "", false), params: [world.tenantId] }),
      budget: SLOW,
      target: key === "district" ? { pct: "p95", maxRatio, minNaiveSpeedup: 20 } : { pct: "p95", maxRatio },
    });
  }
  return cases;
}
