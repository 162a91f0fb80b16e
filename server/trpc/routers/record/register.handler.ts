import { TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import { trackedEntity, trackedEntityType } from "@/db/schema";
import { ensureUnitTakesData } from "@/server/records/access";
import { loadTypeAttributes } from "@/server/records/metadata";
import { valuesSchema } from "@/server/records/value-schema";
import { ensureCan, type ProtectedContext } from "@/server/trpc/init";
import { auditRecord } from "./audit-record";
import { parseValues } from "./parse-values";
import type { RegisterInput } from "./record.schema";
import { writeAttributeValues } from "./write-attributes";

/** Registers a person at a unit of the caller's capture scope (open today), with valid attributes. */
export async function registerHandler({ ctx, input }: { ctx: ProtectedContext; input: RegisterInput }) {
  ensureCan(ctx, "create", "trackedEntity");
  const [type] = await ctx.db
    .select({ id: trackedEntityType.id })
    .from(trackedEntityType)
    .where(and(eq(trackedEntityType.tenantId, ctx.tenant.id), eq(trackedEntityType.id, input.trackedEntityTypeId)));
  if (!type) throw new TRPCError({ code: "BAD_REQUEST", message: "That kind of record does not exist." });
  const attributes = await loadTypeAttributes(ctx.db, ctx.tenant.id, type.id);
  const values = parseValues(valuesSchema(attributes), input.attributes);
  await ensureUnitTakesData(ctx.db, ctx.tenant.id, input.orgUnitId, ctx.ability.can("accessAllRecords", "trackedEntity"));

  const [person] = await ctx.db
    .insert(trackedEntity)
    .values({ tenantId: ctx.tenant.id, trackedEntityTypeId: type.id, registrationUnitId: input.orgUnitId, createdBy: ctx.session.userId })
    .returning({ id: trackedEntity.id });
  await writeAttributeValues(ctx, person!.id, attributes, values, {});
  await auditRecord(ctx, "record.registered", person!.id, { attributeIds: Object.keys(values) }, { orgUnitId: input.orgUnitId });
  return { personId: person!.id };
}
