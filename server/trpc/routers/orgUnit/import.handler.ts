import { TRPCError } from "@trpc/server";
import { and, eq, inArray, isNotNull } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { newRecordId } from "@/db/record-id";
import { orgUnit } from "@/db/schema";
import { checkImport } from "@/server/services/org-unit-import";
import { auditAction } from "@/server/trpc/audit";
import { ensureCan, type ProtectedContext } from "@/server/trpc/init";
import type { CheckImportInput, ImportBatchInput } from "./import.schema";

const parent = alias(orgUnit, "parent");

/** Every coded unit of the tenant with its parent's code: what a file can attach to or repeat. */
async function existingCodes(ctx: ProtectedContext): Promise<Map<string, string | null>> {
  const rows = await ctx.db
    .select({ code: orgUnit.code, parentCode: parent.code })
    .from(orgUnit)
    .leftJoin(parent, and(eq(parent.tenantId, orgUnit.tenantId), eq(parent.id, orgUnit.parentId)))
    .where(and(eq(orgUnit.tenantId, ctx.tenant.id), isNotNull(orgUnit.code)));
  return new Map(rows.map((row) => [row.code!, row.parentCode ?? null]));
}

/** The dry run: every problem, what will be created per level, and nothing written. */
export async function checkImportHandler({ ctx, input }: { ctx: ProtectedContext; input: CheckImportInput }) {
  ensureCan(ctx, "create", "orgUnit");
  const check = checkImport(input.rows, await existingCodes(ctx));
  return { problems: check.problems, notes: check.notes, toCreate: check.toCreate.length, alreadyPresent: check.alreadyPresent, byDepth: check.byDepth };
}

/**
 * Creates one checked slice in one transaction. Re-running skips units already there, so an
 * interrupted import is finished by importing the same file again.
 */
export async function importBatchHandler({ ctx, input }: { ctx: ProtectedContext; input: ImportBatchInput }) {
  ensureCan(ctx, "create", "orgUnit");
  const existing = await existingCodes(ctx);
  const check = checkImport(input.rows, existing);
  if (check.problems.length) throw new TRPCError({ code: "BAD_REQUEST", message: check.problems.slice(0, 5).join(" ") });
  if (check.toCreate.length === 0) return { created: 0 };

  const ids = new Map<string, string>();
  const parentCodes = [...new Set(check.toCreate.map((row) => row.parentId).filter((code): code is string => code !== null))];
  if (parentCodes.length) {
    const parents = await ctx.db
      .select({ id: orgUnit.id, code: orgUnit.code })
      .from(orgUnit)
      .where(and(eq(orgUnit.tenantId, ctx.tenant.id), inArray(orgUnit.code, parentCodes)));
    for (const p of parents) ids.set(p.code!, p.id);
  }
  for (const row of check.toCreate) ids.set(row.id, newRecordId());
  // Parents first, so the path trigger always finds the parent's path.
  await ctx.db.insert(orgUnit).values(
    check.toCreate.map((row) => ({
      tenantId: ctx.tenant.id,
      id: ids.get(row.id)!,
      parentId: row.parentId ? ids.get(row.parentId)! : null,
      name: row.name,
      code: row.id,
    })),
  );
  await auditAction(ctx, {
    action: "org_unit.imported",
    subjectType: "org_unit",
    details: { created: check.toCreate.length, codes: check.toCreate.map((row) => row.id) },
  });
  return { created: check.toCreate.length };
}

/** Every unit as { id, name, parentId } (ids are codes where a unit has one), for JSON or CSV. */
export async function exportHandler({ ctx }: { ctx: ProtectedContext }) {
  ensureCan(ctx, "read", "orgUnit");
  const rows = await ctx.db
    .select({ id: orgUnit.id, code: orgUnit.code, name: orgUnit.name, level: orgUnit.level, parentId: parent.id, parentCode: parent.code })
    .from(orgUnit)
    .leftJoin(parent, and(eq(parent.tenantId, orgUnit.tenantId), eq(parent.id, orgUnit.parentId)))
    .where(eq(orgUnit.tenantId, ctx.tenant.id))
    .orderBy(orgUnit.level, orgUnit.name);
  return rows.map((row) => ({ id: row.code ?? row.id, name: row.name, parentId: row.parentId ? (row.parentCode ?? row.parentId) : null, level: row.level }));
}
