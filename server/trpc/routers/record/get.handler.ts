import { sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { pipelined } from "@/db/pipelined";
import { breakGlassCandidates, visiblePairs, visiblePerson } from "@/server/records/access";
import { programsMeta, typeAttributes } from "@/server/records/metadata-cache";
import { ensureCan, type ProtectedContext } from "@/server/trpc/init";
import { auditRecord } from "./audit-record";
import type { PersonIdInput } from "./record.schema";

/**
 * The record page: attributes, the programs the caller can read with their enrolments, events
 * and ownership history, the protected programs where the glass could be broken, and the
 * programs the person could still be enrolled in. Every read is audited, saying which grants and
 * which audited-program reads outside the capture scope it involved.
 *
 * Once the person is known to be visible, the page's reads are sent together (db/pipelined.ts):
 * a dozen statements cost three round trips instead of a dozen.
 */
export async function getHandler({ ctx, input }: { ctx: ProtectedContext; input: PersonIdInput }) {
  ensureCan(ctx, "read", "trackedEntity");
  const tenantId = ctx.tenant.id;
  const person = await visiblePerson(ctx.db, tenantId, input.personId);
  const [attributes, { pairs, metas }, enrollments, events, history, candidates, enrollable] = await pipelined([
    typeAttributes(ctx, person.trackedEntityTypeId),
    visiblePairs(ctx.db, tenantId, person.id).then(async (pairs) => ({
      pairs,
      metas: await programsMeta(ctx, pairs.map((pair) => pair.programId)),
    })),
    enrollmentsOf(ctx.db, tenantId, person.id),
    eventsOf(ctx.db, tenantId, person.id),
    ownershipHistoryOf(ctx.db, tenantId, person.id),
    breakGlassCandidates(ctx.db, tenantId, person.id),
    enrollableProgramsFor(ctx.db, tenantId, person),
  ]);

  await auditRecord(ctx, "record.read", person.id, {
    programIds: pairs.map((p) => p.programId),
    grantIds: pairs.flatMap((p) => (p.grant ? [p.grant.id] : [])),
    auditedOutsideCapture: pairs.filter((p) => p.accessLevel === "audited" && !p.ownerInCapture).map((p) => p.programId),
    allRecords: ctx.ability.can("accessAllRecords", "trackedEntity"),
  });

  return {
    person,
    attributes,
    programs: pairs.map((pair) => ({
      ...pair,
      // Every pair's program exists: the ownership references it.
      meta: metas.get(pair.programId)!,
      enrollments: enrollments
        .filter((e) => e.program_id === pair.programId)
        .map((e) => ({
          id: e.id,
          orgUnitId: e.org_unit_id,
          unitName: e.unit_name,
          enrolledOn: e.enrolled_on,
          status: e.status,
          events: events
            .filter((v) => v.enrollment_id === e.id)
            .map((v) => ({
              id: v.id,
              stageId: v.stage_id,
              orgUnitId: v.org_unit_id,
              unitName: v.unit_name,
              occurredOn: v.occurred_on,
              values: v.values,
              status: v.status,
              inCapture: v.in_capture,
            })),
        })),
      history: history
        .filter((h) => h.program_id === pair.programId)
        .map((h) => ({ fromName: h.from_name, toName: h.to_name, reason: h.reason, changedAt: new Date(h.changed_at), changedByName: h.changed_by_name })),
    })),
    protectedPrograms: candidates.map((c) => ({ programId: c.program_id, programName: c.program_name })),
    enrollablePrograms: enrollable.map((p) => ({ id: p.id, name: p.name, accessLevel: p.access_level })),
    canReadAudit: ctx.ability.can("read", "auditLog"),
  };
}

function enrollmentsOf(tx: Transaction, tenantId: string, personId: string) {
  return tx.execute<{ id: string; program_id: string; org_unit_id: string; unit_name: string; enrolled_on: string; status: string }>(sql`
    select e.id, e.program_id, e.org_unit_id, u.name as unit_name, e.enrolled_on::text, e.status
    from enrollment e join org_unit u on u.tenant_id = e.tenant_id and u.id = e.org_unit_id
    where e.tenant_id = ${tenantId} and e.tracked_entity_id = ${personId} and e.deleted_at is null
    order by e.enrolled_on desc, e.id`);
}

function eventsOf(tx: Transaction, tenantId: string, personId: string) {
  return tx.execute<{
    id: string; enrollment_id: string; stage_id: string; org_unit_id: string; unit_name: string; occurred_on: string;
    values: Record<string, string>; status: string; in_capture: boolean;
  }>(sql`
    select v.id, v.enrollment_id, v.stage_id, v.org_unit_id, u.name as unit_name, v.occurred_on::text, v.values, v.status,
           app_unit_in_capture(v.tenant_id, v.org_unit_id) as in_capture
    from event v join org_unit u on u.tenant_id = v.tenant_id and u.id = v.org_unit_id
    where v.tenant_id = ${tenantId} and v.tracked_entity_id = ${personId} and v.deleted_at is null
    order by v.occurred_on desc, v.id`);
}

function ownershipHistoryOf(tx: Transaction, tenantId: string, personId: string) {
  return tx.execute<{
    program_id: string; from_name: string | null; to_name: string; reason: string | null; changed_at: Date | string; changed_by_name: string | null;
  }>(sql`
    select c.program_id, f.name as from_name, t.name as to_name, c.reason, c.changed_at, a.display_name as changed_by_name
    from ownership_change c
    left join org_unit f on f.tenant_id = c.tenant_id and f.id = c.from_unit_id
    join org_unit t on t.tenant_id = c.tenant_id and t.id = c.to_unit_id
    left join user_account a on a.tenant_id = c.tenant_id and a.id = c.changed_by
    where c.tenant_id = ${tenantId} and c.tracked_entity_id = ${personId}
    order by c.changed_at, c.id`);
}

/** Programs of the person's type they are not in, leaving out protected ones only the glass would open. */
function enrollableProgramsFor(tx: Transaction, tenantId: string, person: { id: string; trackedEntityTypeId: string }) {
  return tx.execute<{ id: string; name: string; access_level: string }>(sql`
    select p.id, p.name, p.access_level from program p
    where p.tenant_id = ${tenantId} and p.tracked_entity_type_id = ${person.trackedEntityTypeId}
      and not exists (select 1 from program_ownership o where o.tenant_id = p.tenant_id and o.tracked_entity_id = ${person.id} and o.program_id = p.id)
      and (select (app_break_glass_target(${person.id}::uuid, p.id)).status) = 'not_found'
    order by p.name`);
}
