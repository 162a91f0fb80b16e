import { sql } from "drizzle-orm";
import { loadProgramsMeta } from "@/server/records/metadata";
import { loadPersonCore } from "@/server/records/person-core";
import { ensureCan, type ProtectedContext } from "@/server/trpc/init";
import { auditRecord } from "../record/audit-record";
import type { ExportPersonInput } from "./privacy.schema";

/**
 * Subject access and portability: everything held about a person that the caller may read —
 * attributes, enrolments, events (by data-element name), ownership history and the access log —
 * as one JSON document. Hidden parts stay hidden (RLS); a DPO exports with the all-records
 * permission. Audited.
 */
export async function exportPersonHandler({ ctx, input }: { ctx: ProtectedContext; input: ExportPersonInput }) {
  ensureCan(ctx, "exportData", "trackedEntity");
  const tenantId = ctx.tenant.id;
  const { person, attributes, pairs } = await loadPersonCore(ctx.db, tenantId, input.personId);
  const metas = await loadProgramsMeta(ctx.db, tenantId, pairs.map((pair) => pair.programId));
  const programs = [];
  for (const pair of pairs) {
    const meta = metas.get(pair.programId)!;
    const elementName = new Map(meta.stages.flatMap((s) => s.dataElements.map((e) => [e.id, e.name] as const)));
    const stageName = new Map(meta.stages.map((s) => [s.id, s.name] as const));
    const enrollments = await ctx.db.execute<{ id: string; unit: string; enrolled_on: string; status: string; deleted_at: string | null }>(sql`
      select e.id, u.name as unit, e.enrolled_on::text, e.status, e.deleted_at::text from enrollment e
      join org_unit u on u.tenant_id = e.tenant_id and u.id = e.org_unit_id
      where e.tenant_id = ${tenantId} and e.tracked_entity_id = ${person.id} and e.program_id = ${pair.programId} order by e.enrolled_on`);
    const events = await ctx.db.execute<{ enrollment_id: string; stage_id: string; unit: string; occurred_on: string; status: string; values: Record<string, string>; deleted_at: string | null }>(sql`
      select v.enrollment_id, v.stage_id, u.name as unit, v.occurred_on::text, v.status, v.values, v.deleted_at::text from event v
      join org_unit u on u.tenant_id = v.tenant_id and u.id = v.org_unit_id
      where v.tenant_id = ${tenantId} and v.tracked_entity_id = ${person.id} and v.program_id = ${pair.programId} order by v.occurred_on`);
    const history = await ctx.db.execute<{ from_unit: string | null; to_unit: string; reason: string | null; changed_at: string }>(sql`
      select f.name as from_unit, t.name as to_unit, c.reason, c.changed_at::text from ownership_change c
      left join org_unit f on f.tenant_id = c.tenant_id and f.id = c.from_unit_id
      join org_unit t on t.tenant_id = c.tenant_id and t.id = c.to_unit_id
      where c.tenant_id = ${tenantId} and c.tracked_entity_id = ${person.id} and c.program_id = ${pair.programId} order by c.changed_at`);
    programs.push({
      program: pair.programName,
      accessLevel: pair.accessLevel,
      owner: pair.ownerUnitName,
      enrollments: enrollments.map((e) => ({
        unit: e.unit,
        enrolledOn: e.enrolled_on,
        status: e.status,
        deletedAt: e.deleted_at,
        events: events
          .filter((v) => v.enrollment_id === e.id)
          .map((v) => ({
            stage: stageName.get(v.stage_id) ?? v.stage_id,
            unit: v.unit,
            occurredOn: v.occurred_on,
            status: v.status,
            deletedAt: v.deleted_at,
            values: Object.fromEntries(Object.entries(v.values).map(([id, value]) => [elementName.get(id) ?? id, value])),
          })),
      })),
      ownershipHistory: history.map((h) => ({ from: h.from_unit, to: h.to_unit, reason: h.reason, at: h.changed_at })),
    });
  }
  const accessLog = await ctx.db.execute<{ occurred_at: string; action: string; actor_name: string | null; reason: string | null }>(sql`
    select a.occurred_at::text, a.action, a.actor_name, a.reason from audit_event a
    left join audit_seal s on s.tenant_id = a.tenant_id and s.event_id = a.id
    where a.tenant_id = ${tenantId} and a.person_id = ${person.id} order by a.occurred_at, s.seq`);
  await auditRecord(ctx, "record.exported", person.id, { programIds: pairs.map((p) => p.programId) });
  return {
    exportedAt: new Date().toISOString(),
    person: {
      id: person.id,
      registrationUnit: person.registrationUnitName,
      registeredAt: person.createdAt.toISOString(),
      attributes: Object.fromEntries(attributes.filter((a) => person.values[a.id] !== undefined).map((a) => [a.name, person.values[a.id]!])),
    },
    programs,
    accessLog: accessLog.map((a) => ({ at: a.occurred_at, action: a.action, by: a.actor_name, reason: a.reason })),
  };
}
