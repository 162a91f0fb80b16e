import { TRPCError } from "@trpc/server";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { orgUnit, program, programAttribute, programOrgUnit, trackedEntityAttribute } from "@/db/schema";
import { loadProgramMeta } from "@/server/records/metadata";
import { ensureCan, type ProtectedContext } from "@/server/trpc/init";
import { auditAction } from "@/server/trpc/audit";
import { databaseError } from "@/server/trpc/db-errors";
import type { IdInput, SaveProgramInput, SetOrgUnitsInput } from "./program.schema";

/** Every program with its level and how widely it runs. */
export async function listProgramsHandler({ ctx }: { ctx: ProtectedContext }) {
  ensureCan(ctx, "read", "program");
  return ctx.db
    .select({
      id: program.id,
      name: program.name,
      description: program.description,
      accessLevel: program.accessLevel,
      trackedEntityTypeId: program.trackedEntityTypeId,
      breakGlassMinutes: program.breakGlassMinutes,
      // Spelled out: drizzle leaves column references unqualified inside sql``, and here they would bind to pu.
      unitCount: sql<number>`(select count(*)::int from program_org_unit pu where pu.tenant_id = program.tenant_id and pu.program_id = program.id)`,
    })
    .from(program)
    .where(eq(program.tenantId, ctx.tenant.id))
    .orderBy(asc(program.name));
}

/** One program's metadata and the units where it runs. */
export async function getProgramHandler({ ctx, input }: { ctx: ProtectedContext; input: IdInput }) {
  ensureCan(ctx, "read", "program");
  const meta = await loadProgramMeta(ctx.db, ctx.tenant.id, input.id);
  if (!meta) throw new TRPCError({ code: "NOT_FOUND", message: "Not found." });
  const units = await ctx.db
    .select({ id: orgUnit.id, name: orgUnit.name, level: orgUnit.level })
    .from(programOrgUnit)
    .innerJoin(orgUnit, and(eq(orgUnit.tenantId, programOrgUnit.tenantId), eq(orgUnit.id, programOrgUnit.orgUnitId)))
    .where(and(eq(programOrgUnit.tenantId, ctx.tenant.id), eq(programOrgUnit.programId, input.id)))
    .orderBy(asc(orgUnit.name));
  return { ...meta, orgUnits: units };
}

/** Creates or changes a program and its attribute list (attributes must belong to its type). */
export async function saveProgramHandler({ ctx, input }: { ctx: ProtectedContext; input: SaveProgramInput }) {
  ensureCan(ctx, input.id ? "update" : "create", "program");
  const tenantId = ctx.tenant.id;
  const attributeIds = input.attributes.map((a) => a.attributeId);
  if (new Set(attributeIds).size !== attributeIds.length) throw new TRPCError({ code: "BAD_REQUEST", message: "An attribute is listed twice." });
  if (attributeIds.length) {
    const found = await ctx.db
      .select({ id: trackedEntityAttribute.id })
      .from(trackedEntityAttribute)
      .where(and(eq(trackedEntityAttribute.tenantId, tenantId), eq(trackedEntityAttribute.trackedEntityTypeId, input.trackedEntityTypeId), inArray(trackedEntityAttribute.id, attributeIds)));
    if (found.length !== attributeIds.length) throw new TRPCError({ code: "BAD_REQUEST", message: "Every attribute must belong to the program's type." });
  }
  const fields = {
    name: input.name,
    description: input.description,
    accessLevel: input.accessLevel,
    breakGlassMinutes: input.breakGlassMinutes,
  };
  let programId: string;
  try {
    if (input.id) {
      const [row] = await ctx.db
        .update(program)
        .set({ ...fields, updatedAt: sql`now()` })
        .where(and(eq(program.tenantId, tenantId), eq(program.id, input.id), eq(program.trackedEntityTypeId, input.trackedEntityTypeId)))
        .returning({ id: program.id });
      if (!row) throw new TRPCError({ code: "NOT_FOUND", message: "Not found." });
      programId = row.id;
    } else {
      const [row] = await ctx.db.insert(program).values({ tenantId, trackedEntityTypeId: input.trackedEntityTypeId, ...fields }).returning({ id: program.id });
      programId = row!.id;
    }
  } catch (error) {
    if (databaseError(error).code === "23505") throw new TRPCError({ code: "CONFLICT", message: "A program with this name exists already." });
    if (databaseError(error).code === "23503") throw new TRPCError({ code: "BAD_REQUEST", message: "That type does not exist." });
    throw error;
  }
  await ctx.db.delete(programAttribute).where(and(eq(programAttribute.tenantId, tenantId), eq(programAttribute.programId, programId)));
  if (input.attributes.length) {
    await ctx.db
      .insert(programAttribute)
      .values(input.attributes.map((a, index) => ({ tenantId, programId, attributeId: a.attributeId, mandatory: a.mandatory, sortOrder: index })));
  }
  await auditAction(ctx, {
    action: input.id ? "metadata.programUpdated" : "metadata.programCreated",
    subjectType: "program",
    subjectId: programId,
    details: { accessLevel: input.accessLevel, breakGlassMinutes: input.breakGlassMinutes },
  });
  return { id: programId };
}

/** Replaces the set of units where a program runs. Owners elsewhere keep their records. */
export async function setOrgUnitsHandler({ ctx, input }: { ctx: ProtectedContext; input: SetOrgUnitsInput }) {
  ensureCan(ctx, "update", "program");
  const tenantId = ctx.tenant.id;
  const [exists] = await ctx.db.select({ id: program.id }).from(program).where(and(eq(program.tenantId, tenantId), eq(program.id, input.programId)));
  if (!exists) throw new TRPCError({ code: "NOT_FOUND", message: "Not found." });
  const unique = [...new Set(input.orgUnitIds)];
  await ctx.db.delete(programOrgUnit).where(and(eq(programOrgUnit.tenantId, tenantId), eq(programOrgUnit.programId, input.programId)));
  try {
    for (let start = 0; start < unique.length; start += 1000) {
      await ctx.db.insert(programOrgUnit).values(unique.slice(start, start + 1000).map((orgUnitId) => ({ tenantId, programId: input.programId, orgUnitId })));
    }
  } catch (error) {
    if (databaseError(error).code === "23503") throw new TRPCError({ code: "BAD_REQUEST", message: "An organisation unit in the list does not exist." });
    throw error;
  }
  await auditAction(ctx, { action: "metadata.programUnitsSet", subjectType: "program", subjectId: input.programId, details: { count: unique.length } });
  return { count: unique.length };
}
