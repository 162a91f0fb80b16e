import { TRPCError } from "@trpc/server";
import { and, asc, eq, sql } from "drizzle-orm";
import { pipelined } from "@/db/pipelined";
import { trackedEntityAttribute, trackedEntityType } from "@/db/schema";
import { loadTypeAttributes } from "@/server/records/metadata";
import { ensureCan, type ProtectedContext } from "@/server/trpc/init";
import { auditAction } from "@/server/trpc/audit";
import { databaseError } from "@/server/trpc/db-errors";
import { nextPosition } from "./next-position";
import type { SaveAttributeInput, SaveTypeInput } from "./program.schema";

/** Tracked-entity types with their attributes (metadata: any signed-in user who reads programs). */
export async function listTypesHandler({ ctx }: { ctx: ProtectedContext }) {
  ensureCan(ctx, "read", "program");
  const types = await ctx.db
    .select({ id: trackedEntityType.id, name: trackedEntityType.name, description: trackedEntityType.description })
    .from(trackedEntityType)
    .where(eq(trackedEntityType.tenantId, ctx.tenant.id))
    .orderBy(asc(trackedEntityType.name));
  return pipelined(types.map(async (type) => ({ ...type, attributes: await loadTypeAttributes(ctx.db, ctx.tenant.id, type.id) })));
}

const duplicateName = (error: unknown, what: string) => {
  if (databaseError(error).code === "23505") return new TRPCError({ code: "CONFLICT", message: `A ${what} with this name exists already.` });
  return error;
};

export async function saveTypeHandler({ ctx, input }: { ctx: ProtectedContext; input: SaveTypeInput }) {
  ensureCan(ctx, input.id ? "update" : "create", "program");
  try {
    const [row] = input.id
      ? await ctx.db
          .update(trackedEntityType)
          .set({ name: input.name, description: input.description, updatedAt: sql`now()` })
          .where(and(eq(trackedEntityType.tenantId, ctx.tenant.id), eq(trackedEntityType.id, input.id)))
          .returning({ id: trackedEntityType.id })
      : await ctx.db
          .insert(trackedEntityType)
          .values({ tenantId: ctx.tenant.id, name: input.name, description: input.description })
          .returning({ id: trackedEntityType.id });
    if (!row) throw new TRPCError({ code: "NOT_FOUND", message: "Not found." });
    await auditAction(ctx, { action: input.id ? "metadata.typeUpdated" : "metadata.typeCreated", subjectType: "trackedEntityType", subjectId: row.id });
    return { id: row.id };
  } catch (error) {
    throw duplicateName(error, "type");
  }
}

/**
 * Creates or changes an attribute. Its value type and uniqueness are fixed once created: stored
 * values were checked, normalized and indexed under them.
 */
export async function saveAttributeHandler({ ctx, input }: { ctx: ProtectedContext; input: SaveAttributeInput }) {
  ensureCan(ctx, input.id ? "update" : "create", "program");
  const fields = {
    name: input.name,
    options: input.options,
    minValue: input.minValue,
    maxValue: input.maxValue,
    mandatory: input.mandatory,
    searchable: input.searchable,
    identifying: input.identifying,
    ...(input.sortOrder === undefined ? {} : { sortOrder: input.sortOrder }),
  };
  try {
    if (input.id) {
      const [current] = await ctx.db
        .select({ valueType: trackedEntityAttribute.valueType, unique: trackedEntityAttribute.unique })
        .from(trackedEntityAttribute)
        .where(and(eq(trackedEntityAttribute.tenantId, ctx.tenant.id), eq(trackedEntityAttribute.id, input.id), eq(trackedEntityAttribute.trackedEntityTypeId, input.trackedEntityTypeId)));
      if (!current) throw new TRPCError({ code: "NOT_FOUND", message: "Not found." });
      if (current.valueType !== input.valueType || current.unique !== input.unique) {
        throw new TRPCError({ code: "BAD_REQUEST", message: "An attribute's value type and uniqueness cannot change; create a new attribute instead." });
      }
      await ctx.db
        .update(trackedEntityAttribute)
        .set({ ...fields, updatedAt: sql`now()` })
        .where(and(eq(trackedEntityAttribute.tenantId, ctx.tenant.id), eq(trackedEntityAttribute.id, input.id)));
      await auditAction(ctx, { action: "metadata.attributeUpdated", subjectType: "trackedEntityAttribute", subjectId: input.id });
      return { id: input.id };
    }
    const [row] = await ctx.db
      .insert(trackedEntityAttribute)
      .values({
        tenantId: ctx.tenant.id,
        trackedEntityTypeId: input.trackedEntityTypeId,
        valueType: input.valueType,
        unique: input.unique,
        sortOrder: nextPosition(sql`tracked_entity_attribute where tenant_id = ${ctx.tenant.id} and tracked_entity_type_id = ${input.trackedEntityTypeId}`),
        ...fields,
      })
      .returning({ id: trackedEntityAttribute.id });
    await auditAction(ctx, { action: "metadata.attributeCreated", subjectType: "trackedEntityAttribute", subjectId: row!.id });
    return { id: row!.id };
  } catch (error) {
    if (databaseError(error).code === "23503") throw new TRPCError({ code: "BAD_REQUEST", message: "That type does not exist." });
    throw duplicateName(error, "attribute");
  }
}
