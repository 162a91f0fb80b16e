import { TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import { inOrder, valueOf } from "@/db/pipelined";
import { newRecordId } from "@/db/record-id";
import { trackedEntity, trackedEntityType } from "@/db/schema";
import { ensureUnitTakesData } from "@/server/records/access";
import { programMeta, typeAttributes } from "@/server/records/metadata-cache";
import { valuesSchema } from "@/server/records/value-schema";
import { ensureCan, type ProtectedContext } from "@/server/trpc/init";
import { auditRecord } from "./audit-record";
import { enrolmentWrites, insertFirstOwner, judgeEnrolment, programRunsAt, recordFirstOwner } from "./enrolment-rules";
import { parseValues } from "./parse-values";
import type { RegisterInput } from "./record.schema";
import { newPersonValueWrites, storedValues } from "./write-attributes";

/**
 * Registers a person at a unit of the caller's capture scope (open today), with valid attributes,
 * and, when asked, enrols them there in a program in the same transaction: one request for the
 * commonest capture, and never a person left registered because their enrolment was refused.
 * Every check runs before the first write.
 */
export async function registerHandler({ ctx, input }: { ctx: ProtectedContext; input: RegisterInput }) {
  ensureCan(ctx, "create", "trackedEntity");
  if (input.enrollment) ensureCan(ctx, "create", "enrollment");
  // The checks' reads go together (one round trip, db/pipelined.ts); their verdicts still come in
  // this order: the kind of record, the values, the unit, the enrolment.
  const enrolment = input.enrollment;
  const [typeRead, attributesRead, unitRead, programRead, runsRead] = await Promise.allSettled([
    ctx.db
      .select({ id: trackedEntityType.id })
      .from(trackedEntityType)
      .where(and(eq(trackedEntityType.tenantId, ctx.tenant.id), eq(trackedEntityType.id, input.trackedEntityTypeId))),
    typeAttributes(ctx, input.trackedEntityTypeId),
    ensureUnitTakesData(ctx.db, ctx.tenant.id, input.orgUnitId, ctx.ability.can("accessAllRecords", "trackedEntity")),
    enrolment ? programMeta(ctx, enrolment.programId) : null,
    enrolment ? programRunsAt(ctx, enrolment.programId, input.orgUnitId) : false,
  ]);
  const [type] = valueOf(typeRead);
  if (!type) throw new TRPCError({ code: "BAD_REQUEST", message: "That kind of record does not exist." });
  const attributes = valueOf(attributesRead);
  const values = parseValues(valuesSchema(attributes), input.attributes);
  const unitName = valueOf(unitRead);
  const program = enrolment
    ? judgeEnrolment({ ...enrolment, trackedEntityTypeId: type.id, values, unitId: input.orgUnitId, unitName }, valueOf(programRead), valueOf(runsRead))
    : null;

  // Ids chosen here, so that every write goes in one round trip (db/pipelined.ts, inOrder). A
  // person registered in this transaction has no owner anywhere yet: no race to guard against.
  // Their row is inserted as it will be at commit — the copy of their values, enrolled or not —
  // so that it is written once; the database proves both at commit (db/migrations/0050). An
  // enrolled person's values are judged by their program's owner, so the owner goes first.
  const personId = newRecordId();
  const pair = program ? { personId, programId: program.id } : null;
  const enrollmentId = newRecordId();
  await inOrder([
    () =>
      ctx.db.insert(trackedEntity).values({
        id: personId,
        tenantId: ctx.tenant.id,
        trackedEntityTypeId: type.id,
        registrationUnitId: input.orgUnitId,
        attributeValues: storedValues(attributes, values),
        everEnrolled: pair !== null,
        createdBy: ctx.session.userId,
      }),
    ...(pair ? [() => insertFirstOwner(ctx.db, ctx.tenant.id, pair, input.orgUnitId), () => recordFirstOwner(ctx, pair, input.orgUnitId)] : []),
    ...newPersonValueWrites(ctx, personId, attributes, values),
    () => auditRecord(ctx, "record.registered", personId, { attributeIds: Object.keys(values) }, { orgUnitId: input.orgUnitId }),
    ...(pair ? enrolmentWrites(ctx, pair, input.orgUnitId, input.enrollment!.enrolledOn, enrollmentId) : []),
  ]);
  return { personId, enrollmentId: pair ? enrollmentId : null };
}
