import type postgres from "postgres";

/**
 * unit_search_value as its triggers would have filed it (they are off while loading): every
 * free-text value under each owner of its person, or the registration unit of a person never
 * enrolled — the same rule as the backfill in db/migrations/0055.
 */
export async function fileSearchValues(sql: postgres.Sql, tenantId: string): Promise<void> {
  await sql.unsafe(
    `insert into unit_search_value (tenant_id, unit_id, attribute_id, search_value, tracked_entity_id)
     select distinct v.tenant_id, h.unit_id, v.attribute_id, v.search_value, v.tracked_entity_id
     from tracked_entity_attribute_value v
     join tracked_entity_attribute a on a.tenant_id = v.tenant_id and a.id = v.attribute_id and a.value_type = 'text'
     join (select o.tracked_entity_id, o.owner_unit_id from program_ownership o where o.tenant_id = $1
           union
           select t.id, t.registration_unit_id from tracked_entity t where t.tenant_id = $1 and not t.ever_enrolled) h(person, unit_id)
       on h.person = v.tracked_entity_id
     where v.tenant_id = $1`,
    [tenantId],
  );
}
