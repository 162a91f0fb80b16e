import type postgres from "postgres";
import { DEMO_PROGRAM_NAMES, type DemoMetadata } from "@/db/seed/demo-programs";
import { sampleValue } from "@/db/seed/demo-values";
import { seededRandom } from "@/db/seed/random";
import type { SizeSpec } from "../sizes";

/** Event values are drawn from a few realistic variants per stage (same shape as the demo's). */
const VALUE_VARIANTS = 8;
/** Share of (person, program) pairs whose owner was later transferred to a neighbouring facility. */
const TRANSFERRED = 0.02;
/** Share of events recorded at a neighbouring facility; the owner stays the enrolling unit. */
const ELSEWHERE = 0.05;
const CHUNKS = 10;

/**
 * Ownership (with its history), enrolments and events, from a plan of (person, program) pairs.
 * Every column the triggers would fill is written here: enrolments and events carry their pair's
 * owner unit,
 * ever_enrolled was set with the person. A pair is numbered pid = person·4 + program, its
 * events pid·64 + j, so ids are computed, never looked up.
 */
export async function generateRecords(sql: postgres.Sql, tenantId: string, spec: SizeSpec, metadata: DemoMetadata, log: (m: string) => void): Promise<void> {
  await programTables(sql, metadata);
  await sql.unsafe(
    `insert into program_org_unit (tenant_id, program_id, org_unit_id)
     select $1::uuid, p.id, f.unit_id from bench.program p cross join bench.facility f`,
    [tenantId],
  );
  const [{ pairs }] = (await sql`select sum(programs)::bigint as pairs from bench.person`) as unknown as [{ pairs: string }];
  // Events per enrolment: 1 + floor(U·(2m − 1)), which averages m = events / pairs.
  const spread = (2 * spec.events) / Number(pairs) - 1;
  const F = spec.facilities;
  const C = spec.subdistricts;
  const neighbour = (f: string) => `(case when ${f} + ${C} < ${F} then ${f} + ${C} else ${f} - ${C} end)`;
  await sql.unsafe(
    `create unlogged table bench.pair as
     select i, prog, pid, f_reg,
            case when bench.rand(7, pid) < ${TRANSFERRED} then ${neighbour("f_reg")} else f_reg end as f_owner,
            current_date - floor(bench.rand(8, pid) * 1095)::int as enrolled_on,
            1 + floor(bench.rand(9, pid) * ${spread})::int as n_events
     from (select p.i, v.prog, p.i * 4 + v.prog as pid, p.f as f_reg
           from bench.person p cross join lateral (values (0, p.p1), (1, (p.p1 + 1 + p.p2_offset) % 4)) v(k, prog)
           where v.k < p.programs) x`,
  );
  await sql.unsafe(
    `insert into program_ownership (tenant_id, id, tracked_entity_id, program_id, owner_unit_id, created_at, updated_at)
     select $1::uuid, bench.uid('own', x.pid), bench.uid('person', x.i), pr.id, fo.unit_id, x.enrolled_on + time '12:00', x.enrolled_on + time '12:00'
     from bench.pair x join bench.program pr using (prog) join bench.facility fo on fo.f = x.f_owner`,
    [tenantId],
  );
  await sql.unsafe(
    `insert into ownership_change (tenant_id, id, tracked_entity_id, program_id, from_unit_id, to_unit_id, reason, changed_at)
     select $1::uuid, bench.uid('change', x.pid * 2), bench.uid('person', x.i), pr.id, null, fr.unit_id, null, x.enrolled_on + time '12:00'
     from bench.pair x join bench.program pr using (prog) join bench.facility fr on fr.f = x.f_reg
     union all
     select $1::uuid, bench.uid('change', x.pid * 2 + 1), bench.uid('person', x.i), pr.id, fr.unit_id, fo.unit_id, 'Moved closer to home',
            least(x.enrolled_on + 30, current_date) + time '13:00'
     from bench.pair x join bench.program pr using (prog) join bench.facility fr on fr.f = x.f_reg join bench.facility fo on fo.f = x.f_owner
     where x.f_owner <> x.f_reg`,
    [tenantId],
  );
  // 15% of enrolments older than six months are completed, on the day of their last event.
  await sql.unsafe(
    `insert into enrollment (tenant_id, id, tracked_entity_id, program_id, org_unit_id, owner_unit_id, enrolled_on, status, completed_at)
     select $1::uuid, bench.uid('enr', x.pid), bench.uid('person', x.i), pr.id, fr.unit_id, fo.unit_id, x.enrolled_on, c.status::enrollment_status,
            case when c.status = 'completed' then x.enrolled_on + floor((x.n_events - 1) * (current_date - x.enrolled_on + 1)::float8 / x.n_events)::int + time '12:00' end
     from bench.pair x join bench.program pr using (prog) join bench.facility fr on fr.f = x.f_reg join bench.facility fo on fo.f = x.f_owner
     cross join lateral (select case when x.enrolled_on < current_date - 180 and bench.rand(17, x.pid) < 0.15 then 'completed' else 'active' end as status) c`,
    [tenantId],
  );
  const [{ persons }] = (await sql`select count(*)::bigint as persons from bench.person`) as unknown as [{ persons: string }];
  const step = Math.ceil(Number(persons) / CHUNKS);
  for (let chunk = 0; chunk < CHUNKS; chunk++) {
    // Visits spread evenly from the enrolment day to today; the first is the one-off intake stage.
    await sql.unsafe(
      `insert into event (tenant_id, id, enrollment_id, tracked_entity_id, program_id, stage_id, org_unit_id, owner_unit_id, occurred_on, values, status)
       select $1::uuid, bench.uid('event', x.pid * 64 + j), bench.uid('enr', x.pid), bench.uid('person', x.i), pr.id, ev.stage_id,
              case when bench.rand(16, x.pid * 64 + j) < ${ELSEWHERE} then nb.unit_id else fo.unit_id end, fo.unit_id,
              x.enrolled_on + floor(j * (current_date - x.enrolled_on + 1)::float8 / x.n_events)::int,
              ev.values, 'active'
       from bench.pair x
       join bench.program pr using (prog)
       join bench.facility fo on fo.f = x.f_owner
       join bench.facility nb on nb.f = ${neighbour("x.f_owner")}
       cross join generate_series(0, x.n_events - 1) j
       join bench.event_values ev on ev.prog = x.prog and ev.intake = (j = 0) and ev.variant = (x.pid + j) % ${VALUE_VARIANTS}
       where x.i >= ${chunk * step} and x.i < ${(chunk + 1) * step}`,
      [tenantId],
    );
    log(`events ${chunk + 1}/${CHUNKS}`);
  }
}

/** bench.program (index → id, access level) and bench.event_values (a few value variants per stage). */
async function programTables(sql: postgres.Sql, metadata: DemoMetadata): Promise<void> {
  const programs = DEMO_PROGRAM_NAMES.map((name, prog) => ({ prog, id: metadata.programs[name].id }));
  await sql`create unlogged table bench.program (prog integer primary key, id uuid not null)`;
  await sql`insert into bench.program ${sql(programs)}`;
  const random = seededRandom(7);
  const day = 20_000;
  const variants = DEMO_PROGRAM_NAMES.flatMap((name, prog) =>
    metadata.programs[name].stages.slice(0, 2).flatMap((stage, index) =>
      Array.from({ length: VALUE_VARIANTS }, (_, variant) => ({
        prog,
        intake: index === 0,
        variant,
        stage_id: stage.id,
        values: JSON.stringify(
          Object.fromEntries(
            stage.elements
              .filter((e) => e.definition.mandatory || random.chance(0.8))
              .map((e) => [e.id, sampleValue(random, e.definition, day)]),
          ),
        ),
      })),
    ),
  );
  await sql`create unlogged table bench.event_values (prog integer, intake boolean, variant integer, stage_id uuid, values jsonb)`;
  for (const v of variants) {
    await sql`insert into bench.event_values values (${v.prog}, ${v.intake}, ${v.variant}, ${v.stage_id}, ${v.values}::jsonb)`;
  }
}
