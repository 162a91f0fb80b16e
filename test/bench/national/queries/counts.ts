import type { Case, Context } from "../cases";
import { pairRule } from "../floor-scope";
import { SLOW } from "../measure";

/**
 * Query 4: enrolment counts per program over everything the user can read — the aggregate a
 * district, regional or national officer's dashboard would show. Enrolments are judged by their
 * pair's owner, so RLS checks the ownership of every enrolment counted.
 */
const select = (schema: string, scope: string) => `
  select e.program_id, count(*)::int as enrolments
  from ${schema}.enrollment e
  where e.tenant_id = $1 and e.deleted_at is null ${scope}
  group by e.program_id
  order by e.program_id`;

export async function countCases(ctx: Context): Promise<Case[]> {
  const { world } = ctx;
  const targets = { district: 1.5, region: 1.5, national: 1.2 } as const;
  return Object.entries(targets).map(([key, maxRatio]) => {
    const user = world.users[key]!;
    const rule = pairRule(world, user, "e");
    return {
      query: "4 enrolment counts per program",
      user,
      app: () => ({ text: select("public", ""), params: [world.tenantId] }),
      floor: () => ({ text: select("public", rule === "true" ? "" : `and ${rule}`), params: [world.tenantId] }),
      naive: () => ({ text: select("bench_naive", ""), params: [world.tenantId] }),
      budget: SLOW,
      target: key === "district" ? { pct: "p95", maxRatio, minNaiveSpeedup: 20 } : { pct: "p95", maxRatio },
    } satisfies Case;
  });
}
