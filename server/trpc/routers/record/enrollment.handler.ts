import { TRPCError } from "@trpc/server";
import { and, eq, isNull, sql } from "drizzle-orm";
import { inOrder } from "@/db/pipelined";
import { newRecordId } from "@/db/record-id";
import { enrollment, event } from "@/db/schema";
import { ensureUnitTakesData, notFound, visiblePairs, visiblePerson, writablePair } from "@/server/records/access";
import { databaseError } from "@/server/trpc/db-errors";
import { ensureCan, type ProtectedContext } from "@/server/trpc/init";
import { auditRecord } from "./audit-record";
import { checkEnrolment, enrolmentWrites, insertFirstOwner, recordFirstOwner } from "./enrolment-rules";
import type { EnrollInput, EnrollmentIdInput, EnrollmentStatusInput } from "./record.schema";

/**
 * Enrols a visible person at a unit of the caller's capture scope where the program runs. The
 * first enrolment makes that unit the owner of the (person, program); later ones keep the owner.
 */
export async function enrollHandler({ ctx, input }: { ctx: ProtectedContext; input: EnrollInput }) {
  ensureCan(ctx, "create", "enrollment");
  const tenantId = ctx.tenant.id;
  const person = await visiblePerson(ctx.db, tenantId, input.personId);
  const unitName = await ensureUnitTakesData(ctx.db, tenantId, input.orgUnitId, ctx.ability.can("accessAllRecords", "trackedEntity"));
  const program = await checkEnrolment(ctx, {
    programId: input.programId,
    trackedEntityTypeId: person.trackedEntityTypeId,
    enrolledOn: input.enrolledOn,
    // The person row's copy of the values (db/migrations/0036) says which are recorded.
    values: person.values,
    unitId: input.orgUnitId,
    unitName,
  });

  const pair = { personId: person.id, programId: program.id };
  const enrollmentId = newRecordId();
  const writes = enrolmentWrites(ctx, pair, input.orgUnitId, input.enrolledOn, enrollmentId);
  const [owned] = await visiblePairs(ctx.db, tenantId, person.id, program.id);
  if (owned) {
    await writablePair(ctx.db, tenantId, person.id, program.id);
    const [active] = await ctx.db
      .select({ id: enrollment.id })
      .from(enrollment)
      .where(and(eq(enrollment.tenantId, tenantId), eq(enrollment.trackedEntityId, person.id), eq(enrollment.programId, program.id), eq(enrollment.status, "active"), isNull(enrollment.deletedAt)));
    if (active) throw new TRPCError({ code: "CONFLICT", message: `This person is already enrolled in ${program.name}.` });
  } else {
    try {
      await ctx.db.transaction((savepoint) => insertFirstOwner(savepoint, tenantId, pair, input.orgUnitId));
    } catch (error) {
      // An enrolment the caller cannot see: say no more than that this enrolment is not possible.
      if (databaseError(error).constraint === "program_ownership_pair") {
        throw new TRPCError({ code: "CONFLICT", message: `This person cannot be enrolled in ${program.name}.` });
      }
      throw error;
    }
    writes.unshift(() => recordFirstOwner(ctx, pair, input.orgUnitId));
  }
  await inOrder(writes);
  return { enrollmentId };
}

/** An enrolment the caller can read (not deleted), or not found. */
export async function findEnrollment(ctx: ProtectedContext, enrollmentId: string) {
  const [row] = await ctx.db
    .select({
      id: enrollment.id,
      personId: enrollment.trackedEntityId,
      programId: enrollment.programId,
      orgUnitId: enrollment.orgUnitId,
      enrolledOn: enrollment.enrolledOn,
      status: enrollment.status,
      inCapture: sql<boolean>`app_unit_in_capture(${enrollment.tenantId}, ${enrollment.orgUnitId})`,
    })
    .from(enrollment)
    .where(and(eq(enrollment.tenantId, ctx.tenant.id), eq(enrollment.id, enrollmentId), isNull(enrollment.deletedAt)));
  if (!row) throw notFound();
  return row;
}

/** Completes an enrolment, or reopens a completed one. */
export async function setEnrollmentStatusHandler({ ctx, input }: { ctx: ProtectedContext; input: EnrollmentStatusInput }) {
  ensureCan(ctx, "update", "enrollment");
  const found = await findEnrollment(ctx, input.enrollmentId);
  await writablePair(ctx.db, ctx.tenant.id, found.personId, found.programId);
  if (found.status === input.status) return { status: found.status };
  await ctx.db
    .update(enrollment)
    .set({ status: input.status, completedAt: input.status === "completed" ? sql`now()` : null, updatedAt: sql`now()` })
    .where(and(eq(enrollment.tenantId, ctx.tenant.id), eq(enrollment.id, found.id)));
  await auditRecord(ctx, input.status === "completed" ? "enrollment.completed" : "enrollment.reopened", found.personId, { enrollmentId: found.id }, { programId: found.programId, orgUnitId: found.orgUnitId });
  return { status: input.status };
}

/** Soft-deletes an enrolment and its events; needs the enrolment's own unit in the capture scope. */
export async function deleteEnrollmentHandler({ ctx, input }: { ctx: ProtectedContext; input: EnrollmentIdInput }) {
  ensureCan(ctx, "delete", "enrollment");
  const found = await findEnrollment(ctx, input.enrollmentId);
  await writablePair(ctx.db, ctx.tenant.id, found.personId, found.programId);
  if (!found.inCapture && ctx.ability.cannot("accessAllRecords", "trackedEntity")) {
    throw new TRPCError({ code: "FORBIDDEN", message: "This enrolment was made outside your capture scope; you cannot delete it." });
  }
  const [elsewhere] = await ctx.db
    .select({ id: event.id })
    .from(event)
    .where(
      and(
        eq(event.tenantId, ctx.tenant.id),
        eq(event.enrollmentId, found.id),
        isNull(event.deletedAt),
        sql`not app_unit_in_capture(${event.tenantId}, ${event.orgUnitId})`,
      ),
    )
    .limit(1);
  if (elsewhere && ctx.ability.cannot("accessAllRecords", "trackedEntity")) {
    throw new TRPCError({ code: "FORBIDDEN", message: "This enrolment has events recorded outside your capture scope; you cannot delete it." });
  }
  await ctx.db
    .update(event)
    .set({ deletedAt: sql`now()`, updatedAt: sql`now()` })
    .where(and(eq(event.tenantId, ctx.tenant.id), eq(event.enrollmentId, found.id), isNull(event.deletedAt)));
  await ctx.db
    .update(enrollment)
    .set({ deletedAt: sql`now()`, updatedAt: sql`now()` })
    .where(and(eq(enrollment.tenantId, ctx.tenant.id), eq(enrollment.id, found.id)));
  await auditRecord(ctx, "enrollment.deleted", found.personId, { enrollmentId: found.id }, { programId: found.programId, orgUnitId: found.orgUnitId });
  return { deleted: true };
}
