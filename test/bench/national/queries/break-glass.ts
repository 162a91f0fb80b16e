import { randomUUID } from "node:crypto";
import type postgres from "postgres";
import { judge, runCase, type Case, type Context, type Row } from "../cases";
import { pairRule, personRule } from "../floor-scope";
import { percentiles } from "../measure";
import { programIds, type World } from "../world";

const REASON = "Patient unconscious at the emergency ward; treatment history needed.";

/**
 * Query 7: break the glass, then read under the grant. The "glass" persona is a clinic clerk who
 * may search district 0; the records are HIV care (protected) pairs owned elsewhere in the
 * district, of people in no other program (so nothing but the grant makes them readable). The
 * request does what server/trpc/routers/breakGlass/request.handler.ts does: ask the database
 * whether the glass may be broken, look for an active grant, insert one (the trigger fills owner
 * and expiry), audit it. Grants of earlier runs are ended first so the same people can be reused.
 */
export async function breakGlassRows(ctx: Context): Promise<Row[]> {
  const { world, runtime, owner } = ctx;
  const user = world.users.glass!;
  const hiv = programIds(world, "protected")[0]!;
  await owner`update break_glass_grant set ended_at = now() where tenant_id = ${world.tenantId} and user_id = ${user.userId} and ended_at is null`;
  const candidates = await owner.unsafe<{ id: string }[]>(
    `select o.tracked_entity_id as id from program_ownership o join org_unit u on u.tenant_id = o.tenant_id and u.id = o.owner_unit_id
     where o.tenant_id = $1 and o.program_id = $2 and u.path <@ '${user.searchPaths[0]}'::ltree and not u.path <@ '${user.capturePaths[0]}'::ltree
       and not exists (select 1 from program_ownership other where other.tenant_id = o.tenant_id and other.tracked_entity_id = o.tracked_entity_id and other.program_id <> o.program_id)
     order by md5(o.tracked_entity_id::text) limit 300`,
    [world.tenantId, hiv],
  );
  const half = Math.floor(candidates.length / 2);
  const grant = (sql: postgres.Sql, people: { id: string }[]) => timeGrants(sql, world, user.userId, hiv, people);
  const app = await grant(runtime, candidates.slice(0, half));
  const floor = await grant(owner, candidates.slice(half));
  const rows: Row[] = [judge({ query: "7 break the glass (request)", who: user.label, app, floor, notes: [`${app.runs} grants as the app, ${floor.runs} as the floor`] }, undefined)];

  const granted = candidates.slice(0, half);
  const person = (i: number) => granted[i % granted.length]!.id;
  const events = (scope: string) => `
    select e.id, e.occurred_on, e.values from event e
    where e.tenant_id = $1 and e.tracked_entity_id = $2 and e.program_id = $3 ${scope}
    order by e.occurred_on desc, e.id`;
  const personRead = (scope: string) => `
    select t.id, t.registration_unit_id, t.attribute_values from tracked_entity t
    where t.tenant_id = $1 and t.id = $2 ${scope}`;
  const visible = (rows: readonly unknown[]) => (rows.length ? null : "a record was not readable under its grant");
  const cases: Case[] = [
    {
      query: "7 read under the grant (person)",
      user,
      app: (i) => ({ text: personRead(""), params: [world.tenantId, person(i)] }),
      floor: (i) => ({ text: personRead(`and ${personRule(world, user, "t", true)}`), params: [world.tenantId, person(i)] }),
      inputs: granted.length,
      check: visible,
      target: { pct: "p99", maxMs: 1, maxRatio: 1.5 },
    },
    {
      query: "7 read under the grant (events)",
      user,
      app: (i) => ({ text: events(""), params: [world.tenantId, person(i), hiv] }),
      floor: (i) => ({ text: events(`and ${pairRule(world, user, "e", true)}`), params: [world.tenantId, person(i), hiv] }),
      inputs: granted.length,
      check: visible,
      target: { pct: "p99", maxRatio: 1.5 },
    },
  ];
  for (const c of cases) rows.push(await runCase(ctx, c));
  return rows;
}

/** One break-the-glass request per person, each its own transaction, timed from BEGIN to COMMIT. */
async function timeGrants(sql: postgres.Sql, world: World, userId: string, programId: string, people: { id: string }[]) {
  const samples: number[] = [];
  const violations: string[] = [];
  for (const { id } of people) {
    const start = performance.now();
    await sql.begin(async (tx) => {
      await tx`select app_bind(${world.tenantId}::uuid, ${userId}::uuid)`;
      const [target] = await tx`select status from app_break_glass_target(${id}::uuid, ${programId}::uuid)`;
      if (target?.status !== "allowed") {
        violations.push(`break the glass refused: ${target?.status}`);
        return;
      }
      await tx`select id, expires_at from break_glass_grant
               where tenant_id = ${world.tenantId} and user_id = ${userId} and tracked_entity_id = ${id} and program_id = ${programId}
                 and ended_at is null and expires_at > statement_timestamp() order by expires_at desc limit 1`;
      const [grant] = await tx`
        insert into break_glass_grant (tenant_id, user_id, tracked_entity_id, program_id, owner_unit_id, reason)
        values (${world.tenantId}, ${userId}, ${id}, ${programId}, (select (app_break_glass_target(${id}::uuid, ${programId}::uuid)).owner_unit_id), ${REASON})
        returning id, expires_at`;
      await tx`insert into audit_event (tenant_id, actor_user_id, action, subject_type, subject_id, person_id, program_id, reason, request_id, user_agent, details)
               values (${world.tenantId}, ${userId}, 'breakGlass.granted', 'trackedEntity', ${id}, ${id}, ${programId}, ${REASON}, ${randomUUID()}, 'bench',
                       ${tx.json({ grantId: grant!.id as string })})`;
    });
    samples.push(performance.now() - start);
  }
  return { ...percentiles(samples), violations: [...new Set(violations)] };
}
