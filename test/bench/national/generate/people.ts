import type postgres from "postgres";
import { FEMALE_FIRST_NAMES, LAST_NAMES, MALE_FIRST_NAMES, PHONE_PREFIXES } from "@/db/seed/demo-names";
import type { DemoMetadata } from "@/db/seed/demo-programs";
import type { SizeSpec } from "../sizes";
import { normalizedSql } from "./helpers";

/**
 * People and their attribute values. Each facility gets a share of the people proportional to
 * its weight (hospitals 100, clinics 0.5–1.5), as consecutive person numbers, so a hospital holds
 * ~100× a clinic's records. A person's sex, age and programs are pure functions of their number
 * (bench.rand streams), planned once in bench.person and reused by the record tables.
 */
export async function planPeople(sql: postgres.Sql, tenantId: string, spec: SizeSpec): Promise<void> {
  const C = spec.subdistricts;
  await sql.unsafe(
    `create unlogged table bench.facility as
     select f, u.id as unit_id, u.path, f % ${C} as subdistrict, (f % ${C}) % ${spec.districts} as district,
            f < ${spec.districts} as hospital,
            case when f < ${spec.districts} then ${spec.hospitalWeight}::float8 else 0.5 + bench.rand(10, f) end as weight
     from generate_series(0, ${spec.facilities - 1}) f
     join org_unit u on u.tenant_id = $1 and u.id = bench.uid('unit-5', f)`,
    [tenantId],
  );
  await sql.unsafe(`alter table bench.facility add primary key (f)`);
  // Floors of the cumulative share: consecutive, non-overlapping ranges that add up to the total.
  await sql.unsafe(
    `create unlogged table bench.facility_people as
     select f, floor(${spec.people}::float8 * (cum - weight) / total)::bigint as first,
               floor(${spec.people}::float8 * cum / total)::bigint as stop
     from (select f, weight, sum(weight) over (order by f) as cum, sum(weight) over () as total from bench.facility) w`,
  );
  // Ages: a quarter under three, a tenth of school age, the rest adults. Programs: 10% none, 75% one, 15% two;
  // the first is vaccination 35%, antenatal 30%, HIV (protected) 20%, mental health (closed) 15%.
  await sql.unsafe(
    `create unlogged table bench.person as
     select i, x.f, x.unit_id, x.path,
            bench.rand(1, i) < 0.5 as female,
            case when bench.rand(2, i) < 0.25 then floor(bench.rand(3, i) * 1095)::int
                 when bench.rand(2, i) < 0.35 then 1095 + floor(bench.rand(3, i) * 4380)::int
                 else 5475 + floor(bench.rand(3, i) * 23725)::int end as age_days,
            case when bench.rand(4, i) < 0.10 then 0 when bench.rand(4, i) < 0.85 then 1 else 2 end as programs,
            case when bench.rand(5, i) < 0.35 then 0 when bench.rand(5, i) < 0.65 then 1 when bench.rand(5, i) < 0.85 then 2 else 3 end as p1,
            floor(bench.rand(6, i) * 3)::int as p2_offset
     from bench.facility_people fp join bench.facility x using (f), generate_series(fp.first, fp.stop - 1) i`,
  );
  await sql.unsafe(`alter table bench.person add primary key (i)`);
}

export async function generatePeople(sql: postgres.Sql, tenantId: string, metadata: DemoMetadata): Promise<void> {
  const a = metadata.attributeIds;
  const pick = (list: readonly string[], stream: number) => `(array[${list.map((s) => `'${s}'`).join(",")}])[1 + floor(bench.rand(${stream}, p.i) * ${list.length})::int]`;
  // National IDs are distinct: the person number scrambled by a multiplier coprime to 90,000,000.
  await sql.unsafe(
    `create unlogged table bench.value as
     select p.i, v.k, v.attribute_id, v.is_unique, v.value
     from bench.person p cross join lateral (values
       (0, '${a["National ID"]}'::uuid, true, 'BN' || (10000000 + (p.i * 7654321) % 90000000)),
       (1, '${a["First name"]}'::uuid, false, case when p.female then ${pick(FEMALE_FIRST_NAMES, 11)} else ${pick(MALE_FIRST_NAMES, 11)} end),
       (2, '${a["Last name"]}'::uuid, false, ${pick(LAST_NAMES, 12)}),
       (3, '${a.Sex}'::uuid, false, case when p.female then 'Female' else 'Male' end),
       (4, '${a["Date of birth"]}'::uuid, false, to_char(current_date - p.age_days, 'YYYY-MM-DD')),
       (5, '${a["Phone number"]}'::uuid, false,
           case when p.age_days >= 5475 and bench.rand(13, p.i) < 0.6
                then '+232 ' || ${pick(PHONE_PREFIXES, 14)} || ' ' || (100000 + floor(bench.rand(15, p.i) * 900000)::int) end)
     ) v(k, attribute_id, is_unique, value)
     where v.value is not null`,
  );
  // The person row carries the copy of its values that the attribute_value trigger keeps (off while loading).
  await sql.unsafe(
    `insert into tracked_entity (tenant_id, id, tracked_entity_type_id, registration_unit_id, ever_enrolled, attribute_values)
     select $1::uuid, bench.uid('person', p.i), $2, p.unit_id, p.programs > 0, coalesce(v.copied, '{}')
     from bench.person p
     left join (select i, jsonb_object_agg(attribute_id, value) as copied from bench.value group by i) v using (i)`,
    [tenantId, metadata.personTypeId],
  );
  await sql.unsafe(
    `insert into tracked_entity_attribute_value (tenant_id, id, tracked_entity_id, attribute_id, value, search_value, unique_value)
     select $1::uuid, bench.uid('value', i * 8 + k), bench.uid('person', i), attribute_id, value,
            ${normalizedSql("value")}, case when is_unique then ${normalizedSql("value")} end
     from bench.value`,
    [tenantId],
  );
  await sql.unsafe(`drop table bench.value`);
}
