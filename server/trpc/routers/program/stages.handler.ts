import { TRPCError } from "@trpc/server";
import { and, eq, sql } from "drizzle-orm";
import { dataElement, program, programStage } from "@/db/schema";
import { ensureCan, type ProtectedContext } from "@/server/trpc/init";
import { auditAction } from "@/server/trpc/audit";
import { databaseError } from "@/server/trpc/db-errors";
import { nextPosition } from "./next-position";
import type { SaveDataElementInput, SaveStageInput } from "./program.schema";

const conflict = (error: unknown, what: string) =>
  databaseError(error).code === "23505" ? new TRPCError({ code: "CONFLICT", message: `A ${what} with this name exists already.` }) : error;

export async function saveStageHandler({ ctx, input }: { ctx: ProtectedContext; input: SaveStageInput }) {
  ensureCan(ctx, "update", "program");
  const tenantId = ctx.tenant.id;
  const [owner] = await ctx.db.select({ id: program.id }).from(program).where(and(eq(program.tenantId, tenantId), eq(program.id, input.programId)));
  if (!owner) throw new TRPCError({ code: "NOT_FOUND", message: "Not found." });
  const fields = { name: input.name, description: input.description, repeatable: input.repeatable, ...(input.sortOrder === undefined ? {} : { sortOrder: input.sortOrder }) };
  try {
    const [row] = input.id
      ? await ctx.db
          .update(programStage)
          .set({ ...fields, updatedAt: sql`now()` })
          .where(and(eq(programStage.tenantId, tenantId), eq(programStage.id, input.id), eq(programStage.programId, input.programId)))
          .returning({ id: programStage.id })
      : await ctx.db
          .insert(programStage)
          .values({ tenantId, programId: input.programId, sortOrder: nextPosition(sql`program_stage where tenant_id = ${tenantId} and program_id = ${input.programId}`), ...fields })
          .returning({ id: programStage.id });
    if (!row) throw new TRPCError({ code: "NOT_FOUND", message: "Not found." });
    await auditAction(ctx, { action: input.id ? "metadata.stageUpdated" : "metadata.stageCreated", subjectType: "programStage", subjectId: row.id });
    return { id: row.id };
  } catch (error) {
    throw conflict(error, "stage");
  }
}

/** Creates or changes a data element; its value type is fixed once created (events hold values of it). */
export async function saveDataElementHandler({ ctx, input }: { ctx: ProtectedContext; input: SaveDataElementInput }) {
  ensureCan(ctx, "update", "program");
  const tenantId = ctx.tenant.id;
  const fields = {
    name: input.name,
    options: input.options,
    minValue: input.minValue,
    maxValue: input.maxValue,
    mandatory: input.mandatory,
    ...(input.sortOrder === undefined ? {} : { sortOrder: input.sortOrder }),
  };
  try {
    if (input.id) {
      const [current] = await ctx.db
        .select({ valueType: dataElement.valueType })
        .from(dataElement)
        .where(and(eq(dataElement.tenantId, tenantId), eq(dataElement.id, input.id), eq(dataElement.stageId, input.stageId)));
      if (!current) throw new TRPCError({ code: "NOT_FOUND", message: "Not found." });
      if (current.valueType !== input.valueType) throw new TRPCError({ code: "BAD_REQUEST", message: "A data element's value type cannot change." });
      await ctx.db.update(dataElement).set({ ...fields, updatedAt: sql`now()` }).where(and(eq(dataElement.tenantId, tenantId), eq(dataElement.id, input.id)));
      await auditAction(ctx, { action: "metadata.dataElementUpdated", subjectType: "dataElement", subjectId: input.id });
      return { id: input.id };
    }
    const [row] = await ctx.db
      .insert(dataElement)
      .values({ tenantId, stageId: input.stageId, valueType: input.valueType, sortOrder: nextPosition(sql`data_element where tenant_id = ${tenantId} and stage_id = ${input.stageId}`), ...fields })
      .returning({ id: dataElement.id });
    await auditAction(ctx, { action: "metadata.dataElementCreated", subjectType: "dataElement", subjectId: row!.id });
    return { id: row!.id };
  } catch (error) {
    if (databaseError(error).code === "23503") throw new TRPCError({ code: "BAD_REQUEST", message: "That stage does not exist." });
    throw conflict(error, "data element");
  }
}
