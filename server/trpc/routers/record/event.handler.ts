import { TRPCError } from "@trpc/server";
import { and, eq, isNull, sql } from "drizzle-orm";
import { inOrder, valueOf } from "@/db/pipelined";
import { newRecordId } from "@/db/record-id";
import { event } from "@/db/schema";
import { ensureUnitTakesData, notFound, writablePair } from "@/server/records/access";
import { stageMeta } from "@/server/records/metadata-cache";
import { valuesSchema } from "@/server/records/value-schema";
import { ensureCan, type ProtectedContext } from "@/server/trpc/init";
import { auditRecord } from "./audit-record";
import { findEnrollment } from "./enrollment.handler";
import { ensureProgramRunsAt, notRunAt, programRunsAt } from "./enrolment-rules";
import { parseValues } from "./parse-values";
import type { CreateEventInput, EventIdInput, UpdateEventInput } from "./record.schema";

const today = () => new Date().toISOString().slice(0, 10);

async function stageOf(ctx: ProtectedContext, programId: string, stageId: string) {
  const stage = await stageMeta(ctx, programId, stageId);
  if (!stage) throw new TRPCError({ code: "BAD_REQUEST", message: "That stage is not part of this program." });
  return stage;
}

/** Where data may be recorded: the capture scope, an open unit, one where the program runs. */
async function ensureEventUnit(ctx: ProtectedContext, programId: string, unitId: string) {
  const unitName = await ensureUnitTakesData(ctx.db, ctx.tenant.id, unitId, ctx.ability.can("accessAllRecords", "trackedEntity"));
  await ensureProgramRunsAt(ctx, programId, unitId, unitName);
}

function ensureDate(occurredOn: string) {
  if (occurredOn > today()) throw new TRPCError({ code: "BAD_REQUEST", message: "The event date cannot be in the future." });
}

/** Records an event in an active enrolment the caller can write, at a unit of their capture scope. */
export async function createEventHandler({ ctx, input }: { ctx: ProtectedContext; input: CreateEventInput }) {
  ensureCan(ctx, "create", "event");
  const found = await findEnrollment(ctx, input.enrollmentId);
  // The checks' reads go together (one round trip, db/pipelined.ts); their verdicts still come in
  // this order: the record, the enrolment, the stage, the date, the unit, the stage's repeats.
  const [pairRead, stageRead, unitRead, runsRead, earlierRead] = await Promise.allSettled([
    writablePair(ctx.db, ctx.tenant.id, found.personId, found.programId),
    stageOf(ctx, found.programId, input.stageId),
    ensureUnitTakesData(ctx.db, ctx.tenant.id, input.orgUnitId, ctx.ability.can("accessAllRecords", "trackedEntity")),
    programRunsAt(ctx, found.programId, input.orgUnitId),
    ctx.db
      .select({ id: event.id })
      .from(event)
      .where(and(eq(event.tenantId, ctx.tenant.id), eq(event.enrollmentId, found.id), eq(event.stageId, input.stageId), isNull(event.deletedAt)))
      .limit(1),
  ]);
  valueOf(pairRead);
  if (found.status !== "active") throw new TRPCError({ code: "BAD_REQUEST", message: "This enrolment is completed; reopen it to record events." });
  const stage = valueOf(stageRead);
  ensureDate(input.occurredOn);
  const unitName = valueOf(unitRead);
  if (!valueOf(runsRead)) throw notRunAt(unitName);
  if (!stage.repeatable && valueOf(earlierRead).length) {
    throw new TRPCError({ code: "CONFLICT", message: `${stage.name} happens once per enrolment and is already recorded.` });
  }
  const values = parseValues(valuesSchema(stage.dataElements), input.values);
  const eventId = newRecordId();
  await inOrder([
    () =>
      ctx.db.insert(event).values({
        id: eventId,
        tenantId: ctx.tenant.id,
        enrollmentId: found.id,
        trackedEntityId: found.personId,
        programId: found.programId,
        stageId: stage.id,
        orgUnitId: input.orgUnitId,
        occurredOn: input.occurredOn,
        values,
        createdBy: ctx.session.userId,
      }),
    () => auditRecord(ctx, "event.created", found.personId, { eventId, enrollmentId: found.id, stageId: stage.id }, { programId: found.programId, orgUnitId: input.orgUnitId }),
  ]);
  return { eventId };
}

/** An event the caller can read (not deleted), or not found. */
async function findEvent(ctx: ProtectedContext, eventId: string) {
  const [row] = await ctx.db
    .select({
      id: event.id,
      personId: event.trackedEntityId,
      programId: event.programId,
      stageId: event.stageId,
      orgUnitId: event.orgUnitId,
      status: event.status,
      occurredOn: event.occurredOn,
      values: event.values,
      inCapture: sql<boolean>`app_unit_in_capture(${event.tenantId}, ${event.orgUnitId})`,
    })
    .from(event)
    .where(and(eq(event.tenantId, ctx.tenant.id), eq(event.id, eventId), isNull(event.deletedAt)));
  if (!row) throw notFound();
  return row;
}

/** Changes an event's date, unit and values (a new unit must be one where data may be recorded). */
export async function updateEventHandler({ ctx, input }: { ctx: ProtectedContext; input: UpdateEventInput }) {
  ensureCan(ctx, "update", "event");
  const found = await findEvent(ctx, input.eventId);
  await writablePair(ctx.db, ctx.tenant.id, found.personId, found.programId);
  const stage = await stageOf(ctx, found.programId, found.stageId);
  ensureDate(input.occurredOn);
  if (input.orgUnitId !== found.orgUnitId) await ensureEventUnit(ctx, found.programId, input.orgUnitId);
  const values = parseValues(valuesSchema(stage.dataElements), input.values);
  await ctx.db
    .update(event)
    .set({ orgUnitId: input.orgUnitId, occurredOn: input.occurredOn, values, updatedAt: sql`now()` })
    .where(and(eq(event.tenantId, ctx.tenant.id), eq(event.id, found.id)));
  const changed = stage.dataElements.filter((e) => values[e.id] !== found.values[e.id]).map((e) => e.id);
  await auditRecord(ctx, "event.updated", found.personId, { eventId: found.id, dataElementIds: changed }, {
    programId: found.programId,
    orgUnitId: input.orgUnitId,
    changes: {
      before: { occurredOn: found.occurredOn, orgUnitId: found.orgUnitId, values: found.values },
      after: { occurredOn: input.occurredOn, orgUnitId: input.orgUnitId, values },
    },
  });
  return { eventId: found.id };
}

/** Marks an event complete. */
export async function completeEventHandler({ ctx, input }: { ctx: ProtectedContext; input: EventIdInput }) {
  ensureCan(ctx, "update", "event");
  const found = await findEvent(ctx, input.eventId);
  await writablePair(ctx.db, ctx.tenant.id, found.personId, found.programId);
  if (found.status === "completed") return { status: "completed" as const };
  await ctx.db
    .update(event)
    .set({ status: "completed", completedAt: sql`now()`, updatedAt: sql`now()` })
    .where(and(eq(event.tenantId, ctx.tenant.id), eq(event.id, found.id)));
  await auditRecord(ctx, "event.completed", found.personId, { eventId: found.id }, { programId: found.programId, orgUnitId: found.orgUnitId });
  return { status: "completed" as const };
}

/** Soft-deletes an event; needs the event's own unit in the capture scope. */
export async function deleteEventHandler({ ctx, input }: { ctx: ProtectedContext; input: EventIdInput }) {
  ensureCan(ctx, "delete", "event");
  const found = await findEvent(ctx, input.eventId);
  await writablePair(ctx.db, ctx.tenant.id, found.personId, found.programId);
  if (!found.inCapture && ctx.ability.cannot("accessAllRecords", "trackedEntity")) {
    throw new TRPCError({ code: "FORBIDDEN", message: "This event was recorded outside your capture scope; you cannot delete it." });
  }
  await ctx.db
    .update(event)
    .set({ deletedAt: sql`now()`, updatedAt: sql`now()` })
    .where(and(eq(event.tenantId, ctx.tenant.id), eq(event.id, found.id)));
  await auditRecord(ctx, "event.deleted", found.personId, { eventId: found.id }, { programId: found.programId, orgUnitId: found.orgUnitId });
  return { deleted: true };
}
