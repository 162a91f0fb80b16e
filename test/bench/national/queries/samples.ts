import type postgres from "postgres";
import { OUTSIDE_DISTRICT } from "../fixtures";
import { ownerRule, seesEverything } from "../floor-scope";
import type { User, World } from "../world";

const SAMPLE = 200;

/**
 * People a user can read, to cycle through in point reads and searches: owned in their scope,
 * or for a whole-nation user a repeatable random sample
 * of the table. Ordered by md5 of the id, so every run reads the same people in the same order.
 */
export async function peopleInScope(owner: postgres.Sql, world: World, user: User): Promise<{ id: string; nationalId: string }[]> {
  const source = seesEverything(user)
    ? `select t.id from tracked_entity t tablesample bernoulli (1) repeatable (42) where t.tenant_id = $1 and t.ever_enrolled`
    : `select distinct o.tracked_entity_id as id from program_ownership o where o.tenant_id = $1 and ${ownerRule(world, user)}`;
  return withNationalIds(owner, world, source);
}

/** People owned (and registered) in a district no reading persona covers. */
export async function peopleOutside(owner: postgres.Sql, world: World): Promise<{ id: string; nationalId: string }[]> {
  const district = await world.unit(OUTSIDE_DISTRICT);
  return withNationalIds(owner, world, `select distinct o.tracked_entity_id as id from program_ownership o join org_unit u on u.tenant_id = o.tenant_id and u.id = o.owner_unit_id
     where o.tenant_id = $1 and u.path <@ '${district.path}'::ltree`);
}

async function withNationalIds(owner: postgres.Sql, world: World, source: string) {
  const rows = await owner.unsafe<{ id: string; nationalId: string }[]>(
    `select s.id, v.search_value as "nationalId"
     from (${source}) s
     join tracked_entity_attribute_value v on v.tenant_id = $1 and v.tracked_entity_id = s.id and v.attribute_id = $2
     order by md5(s.id::text) limit ${SAMPLE}`,
    [world.tenantId, world.attributes.nationalId],
  );
  if (!rows.length) throw new Error("No people in a persona's scope: the generated tenant is not what the suite expects.");
  return [...rows];
}
