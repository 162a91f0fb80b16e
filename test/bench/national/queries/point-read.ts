import type { Case, Context } from "../cases";
import { personRule, seesEverything } from "../floor-scope";
import { peopleInScope, peopleOutside } from "./samples";

/** Who is measured: every user class. */
const READERS = ["clinic", "nurse", "hospital", "multi", "district", "region", "national", "admin"];

/**
 * Query 1: open a person by id — the person row with its copy of the attribute values, as the
 * record page loads it (server/records/access.ts, visiblePerson). Under RLS the person's policy
 * applies; the floor states the scope by hand. Out of scope the read must return nothing
 * (hidden = not found).
 */
const select = (schema: string) => `
  select t.id, t.registration_unit_id, t.ever_enrolled, t.attribute_values
  from ${schema}.tracked_entity t
  where t.tenant_id = $1 and t.id = $2`;

export async function pointReadCases(ctx: Context): Promise<Case[]> {
  const { world, owner } = ctx;
  const outside = await peopleOutside(owner, world);
  const cases: Case[] = [];
  for (const key of READERS) {
    const user = world.users[key]!;
    const inside = await peopleInScope(owner, world, user);
    const build = (people: { id: string }[], text: string) => (i: number) => ({ text, params: [world.tenantId, people[i % people.length]!.id] });
    const floorText = `${select("public")} and ${personRule(world, user)}`;
    cases.push({
      query: "1 point read, in scope",
      user,
      app: build(inside, select("public")),
      floor: build(inside, floorText),
      naive: build(inside, select("bench_naive")),
      inputs: inside.length,
      check: (rows) => (rows.length && Object.keys(rows[0]!.attribute_values as object).length ? null : "an in-scope person was not found, or without values"),
      target: { pct: "p99", maxMs: 1, maxRatio: 1.5 },
    });
    if (seesEverything(user)) continue;
    cases.push({
      query: "1 point read, out of scope",
      user,
      app: build(outside, select("public")),
      floor: build(outside, floorText),
      naive: build(outside, select("bench_naive")),
      inputs: outside.length,
      check: (rows) => (rows.length ? "LEAK: an out-of-scope person was returned" : null),
      target: { pct: "p99", maxMs: 1, maxRatio: 1.5 },
    });
  }
  return cases;
}
