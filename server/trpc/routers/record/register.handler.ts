import { TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import { trackedEntity, trackedEntityType } from "@/db/schema";
import { ensureUnitTakesData } from "@/server/records/access";
import { loadTypeAttributes } from "@/server/records/metadata";
import { valuesSchema } from "@/server/records/value-schema";
import { ensureCan, type ProtectedContext } from "@/server/trpc/init";
import { auditRecord } from "./audit-record";
import { checkEnrolment, insertEnrolment, insertFirstOwner, recordFirstOwner } from "./enrolment-rules";
import { parseValues } from "./parse-values";
import type { RegisterInput } from "./record.schema";
import { writeAttributeValues } from "./write-attributes";

/**
 * Registers a person at a unit of the caller's capture scope (open today), with valid attributes,
 * and, when asked, enrols them there in a program in the same transaction: one request for the
 * commonest capture, and never a person left registered because their enrolment was refused.
 * Every check runs before the first write.
 */
export async function registerHandler({ ctx, input }: { ctx: ProtectedContext; input: RegisterInput }) {
  ensureCan(ctx, "create", "trackedEntity");
  if (input.enrollment) ensureCan(ctx, "create", "enrollment");
  const [type] = await ctx.db
    .select({ id: trackedEntityType.id })
    .from(trackedEntityType)
    .where(and(eq(trackedEntityType.tenantId, ctx.tenant.id), eq(trackedEntityType.id, input.trackedEntityTypeId)));
  if (!type) throw new TRPCError({ code: "BAD_REQUEST", message: "That kind of record does not exist." });
  const attributes = await loadTypeAttributes(ctx.db, ctx.tenant.id, type.id);
  const values = parseValues(valuesSchema(attributes), input.attributes);
  const unitName = await ensureUnitTakesData(ctx.db, ctx.tenant.id, input.orgUnitId, ctx.ability.can("accessAllRecords", "trackedEntity"));
  const program = input.enrollment
    ? await checkEnrolment(ctx, { ...input.enrollment, trackedEntityTypeId: type.id, values, unitId: input.orgUnitId, unitName })
    : null;

  const [person] = await ctx.db
    .insert(trackedEntity)
    .values({ tenantId: ctx.tenant.id, trackedEntityTypeId: type.id, registrationUnitId: input.orgUnitId, createdBy: ctx.session.userId })
    .returning({ id: trackedEntity.id });
  const personId = person!.id;
  await writeAttributeValues(ctx, personId, attributes, values, {});
  await auditRecord(ctx, "record.registered", personId, { attributeIds: Object.keys(values) }, { orgUnitId: input.orgUnitId });
  if (!program) return { personId, enrollmentId: null };

  // A person registered in this transaction has no owner anywhere yet: no race to guard against.
  const pair = { personId, programId: program.id };
  await insertFirstOwner(ctx.db, ctx.tenant.id, pair, input.orgUnitId);
  await recordFirstOwner(ctx, pair, input.orgUnitId);
  return { personId, enrollmentId: await insertEnrolment(ctx, pair, input.orgUnitId, input.enrollment!.enrolledOn) };
}
