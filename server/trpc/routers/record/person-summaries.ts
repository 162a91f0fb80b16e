import { sql } from "drizzle-orm";
import { pipelined } from "@/db/pipelined";
import type { AccessLevel } from "@/server/records/access";
import type { ProtectedContext } from "@/server/trpc/init";

export type PersonSummary = {
  id: string;
  registrationUnitName: string;
  attributes: Record<string, string>;
  programs: { programId: string; programName: string; accessLevel: AccessLevel; ownerUnitName: string }[];
};

/** What a list shows of each person — only what RLS lets the caller read, in the order given. Two statements, sent together. */
export async function personSummaries(ctx: ProtectedContext, ids: string[]): Promise<PersonSummary[]> {
  if (!ids.length) return [];
  const idList = sql`array[${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)}]`;
  const [people, programs] = await pipelined([
    ctx.db.execute<{ id: string; unit_name: string; attribute_values: Record<string, string> }>(sql`
    select t.id, u.name as unit_name, t.attribute_values from tracked_entity t
    join org_unit u on u.tenant_id = t.tenant_id and u.id = t.registration_unit_id
    where t.tenant_id = ${ctx.tenant.id} and t.id = any(${idList})`),
    ctx.db.execute<{ person_id: string; program_id: string; program_name: string; access_level: AccessLevel; owner_name: string }>(sql`
    select o.tracked_entity_id as person_id, p.id as program_id, p.name as program_name, p.access_level, u.name as owner_name
    from program_ownership o
    join program p on p.tenant_id = o.tenant_id and p.id = o.program_id
    join org_unit u on u.tenant_id = o.tenant_id and u.id = o.owner_unit_id
    where o.tenant_id = ${ctx.tenant.id} and o.tracked_entity_id = any(${idList})
    order by p.name`),
  ]);
  const byId = new Map(people.map((p) => [p.id, p]));
  return ids.flatMap((id) => {
    const person = byId.get(id);
    if (!person) return [];
    return [
      {
        id,
        registrationUnitName: person.unit_name,
        attributes: person.attribute_values,
        programs: programs
          .filter((p) => p.person_id === id)
          .map((p) => ({ programId: p.program_id, programName: p.program_name, accessLevel: p.access_level, ownerUnitName: p.owner_name })),
      },
    ];
  });
}
