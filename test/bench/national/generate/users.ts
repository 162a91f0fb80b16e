import type postgres from "postgres";
import { hashPassword } from "@/server/auth/password";
import { BENCH_PASSWORD, personas } from "../fixtures";
import { USER_MIX, type SizeSpec } from "../sizes";

/**
 * Users, their roles and scope roots. The personas come first (fixed scopes, ../fixtures.ts),
 * then the random population: 70% facility, 20% district, 8% region, 2% national users; 10% of
 * them hold 2–5 roots of their level (nearby facilities of one subdistrict, consecutive districts
 * or regions); half the facility users may also search their subdistrict. Facility users are
 * clerks, district and region users supervisors, national users half supervisors, half admins.
 */
export async function generateUsers(sql: postgres.Sql, tenantId: string, spec: SizeSpec): Promise<void> {
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const list = personas(spec);
  const roles = Object.fromEntries((await sql<{ key: string; id: string }[]>`select key, id from role where tenant_id = ${tenantId}`).map((r) => [r.key, r.id]));

  // The scope roots of every user as (user index, kind, unit code); personas are users 0..K-1.
  await sql`create unlogged table bench.user_plan (u integer, kind text, code text, role text)`;
  for (const [u, persona] of list.entries()) {
    const rows = [
      ...persona.capture.map((code) => ({ u, kind: "capture", code, role: persona.role })),
      ...persona.search.map((code) => ({ u, kind: "search", code, role: persona.role })),
    ];
    await sql`insert into bench.user_plan ${sql(rows)}`;
  }
  const { facility, district, region, multiRoot } = USER_MIX;
  const F = spec.facilities;
  const C = spec.subdistricts;
  await sql.unsafe(
    `with population as (
       select u,
              case when bench.rand(20, u) < ${facility} then 'facility'
                   when bench.rand(20, u) < ${facility + district} then 'district'
                   when bench.rand(20, u) < ${facility + district + region} then 'region'
                   else 'national' end as class,
              case when bench.rand(21, u) < ${multiRoot} then 2 + floor(bench.rand(22, u) * 4)::int else 1 end as roots,
              bench.rand(23, u) as base
       from generate_series(${list.length}, ${spec.users - 2}) u
     )
     insert into bench.user_plan (u, kind, code, role)
     select u, 'capture',
            case class when 'facility' then 'F' || ((floor(base * ${F})::int + k * ${C}) % ${F})
                       when 'district' then 'D' || ((floor(base * ${spec.districts})::int + k) % ${spec.districts})
                       when 'region' then 'R' || ((floor(base * ${spec.regions})::int + k) % ${spec.regions})
                       else 'N' end,
            case class when 'facility' then 'data_entry_clerk' when 'national' then
                         case when bench.rand(24, u) < 0.5 then 'supervisor' else 'tenant_admin' end
                       else 'supervisor' end
     from population, generate_series(0, case when class = 'national' then 0 else roots - 1 end) k
     union all
     select u, 'search', 'S' || (floor(base * ${F})::int % ${C}), 'data_entry_clerk'
     from population where class = 'facility' and bench.rand(25, u) < 0.5`,
  );
  // One less than spec.users above: the tenant's provisioning already made the owner account.
  await sql.unsafe(
    `insert into user_account (tenant_id, id, email, display_name, password_hash)
     select $1::uuid, bench.uid('user', u), case when u < ${list.length} then 'persona-' || (array[${list.map((p) => `'${p.key}'`).join(",")}])[u + 1] || '@bench.test'
                                          else 'user' || u || '@bench.test' end,
            'Bench user ' || u, $2
     from (select distinct u from bench.user_plan) p`,
    [tenantId, passwordHash],
  );
  await sql.unsafe(
    `insert into user_role (tenant_id, id, user_id, role_id)
     select distinct on (u) $1, bench.uid('user-role', u), bench.uid('user', u),
            (case role when 'data_entry_clerk' then $2 when 'supervisor' then $3 else $4 end)::uuid
     from bench.user_plan order by u`,
    [tenantId, roles.data_entry_clerk!, roles.supervisor!, roles.tenant_admin!],
  );
  await sql.unsafe(
    `insert into user_scope (tenant_id, id, user_id, kind, org_unit_id)
     select $1::uuid, bench.uid('scope', row_number() over ()), bench.uid('user', p.u), p.kind::scope_kind, o.id
     from bench.user_plan p join org_unit o on o.tenant_id = $1 and o.code = p.code`,
    [tenantId],
  );
  // The provisioned owner account covers the nation too.
  await sql.unsafe(
    `insert into user_scope (tenant_id, user_id, kind, org_unit_id)
     select $1::uuid, a.id, 'capture', o.id from user_account a join org_unit o on o.tenant_id = a.tenant_id and o.code = 'N'
     where a.tenant_id = $1 and a.email = 'owner@bench.test'`,
    [tenantId],
  );
}
