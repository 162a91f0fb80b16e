import { TRPCError } from "@trpc/server";
import { and, asc, count, eq, sql } from "drizzle-orm";
import { pipelined } from "@/db/pipelined";
import { orgUnit, orgUnitGroupMember, orgUnitLevel, userScope } from "@/db/schema";
import { auditAction } from "@/server/trpc/audit";
import { databaseError } from "@/server/trpc/db-errors";
import { ensureCan, type ProtectedContext } from "@/server/trpc/init";
import type { CreateUnitInput, MoveUnitInput, UnitIdInput, UpdateUnitInput } from "./unit.schema";

type Unit = typeof orgUnit.$inferSelect;

async function findUnit(ctx: ProtectedContext, id: string): Promise<Unit> {
  const [unit] = await ctx.db.select().from(orgUnit).where(and(eq(orgUnit.tenantId, ctx.tenant.id), eq(orgUnit.id, id)));
  if (!unit) throw new TRPCError({ code: "NOT_FOUND", message: "That organisation unit was not found." });
  return unit;
}

const snapshot = (unit: Unit) => ({
  name: unit.name,
  code: unit.code,
  parentId: unit.parentId,
  openingDate: unit.openingDate,
  closedDate: unit.closedDate,
});

const audit = (ctx: ProtectedContext, action: string, unitId: string, details: Record<string, unknown>) =>
  auditAction(ctx, { action, subjectType: "org_unit", subjectId: unitId, details });

/** Turns the database's refusals into messages a person can act on; anything else stays internal. */
function explain(error: unknown): never {
  const { code, constraint } = databaseError(error);
  if (constraint === "org_unit_no_cycle") {
    throw new TRPCError({ code: "BAD_REQUEST", message: "A unit cannot be moved under itself or one of its descendants." });
  }
  if (code === "23505") throw new TRPCError({ code: "CONFLICT", message: "Another unit already has this code." });
  throw error;
}

/** A unit with its breadcrumbs, level name and how much lies beneath it. */
export async function getUnitHandler({ ctx, input }: { ctx: ProtectedContext; input: UnitIdInput }) {
  ensureCan(ctx, "read", "orgUnit");
  const unit = await findUnit(ctx, input.id);
  const [ancestors, [levelRow], [children], [descendants], groups] = await pipelined([
    ctx.db
      .select({ id: orgUnit.id, name: orgUnit.name })
      .from(orgUnit)
      .where(and(eq(orgUnit.tenantId, ctx.tenant.id), sql`${orgUnit.path} @> ${unit.path}::ltree`, sql`${orgUnit.id} <> ${unit.id}`))
      .orderBy(asc(orgUnit.level)),
    ctx.db.select({ name: orgUnitLevel.name }).from(orgUnitLevel).where(and(eq(orgUnitLevel.tenantId, ctx.tenant.id), eq(orgUnitLevel.level, unit.level))),
    ctx.db.select({ n: count() }).from(orgUnit).where(and(eq(orgUnit.tenantId, ctx.tenant.id), eq(orgUnit.parentId, unit.id))),
    ctx.db.select({ n: count() }).from(orgUnit).where(and(eq(orgUnit.tenantId, ctx.tenant.id), sql`${orgUnit.path} <@ ${unit.path}::ltree`)),
    ctx.db
      .select({ groupId: orgUnitGroupMember.groupId })
      .from(orgUnitGroupMember)
      .where(and(eq(orgUnitGroupMember.tenantId, ctx.tenant.id), eq(orgUnitGroupMember.orgUnitId, unit.id))),
  ]);
  return {
    ...snapshot(unit),
    id: unit.id,
    level: unit.level,
    levelName: levelRow?.name ?? `Level ${unit.level}`,
    breadcrumbs: ancestors,
    children: children?.n ?? 0,
    descendants: (descendants?.n ?? 1) - 1,
    groupIds: groups.map((g) => g.groupId),
  };
}

export async function createUnitHandler({ ctx, input }: { ctx: ProtectedContext; input: CreateUnitInput }) {
  ensureCan(ctx, "create", "orgUnit");
  const parent = await findUnit(ctx, input.parentId);
  if (parent.closedDate) throw new TRPCError({ code: "BAD_REQUEST", message: `${parent.name} is closed; no new units can be added under it.` });
  const [created] = await ctx.db
    .insert(orgUnit)
    .values({ tenantId: ctx.tenant.id, parentId: parent.id, name: input.name, code: input.code || null, openingDate: input.openingDate, closedDate: input.closedDate })
    .returning()
    .catch(explain);
  await audit(ctx, "org_unit.created", created!.id, { after: snapshot(created!) });
  return { id: created!.id };
}

export async function updateUnitHandler({ ctx, input }: { ctx: ProtectedContext; input: UpdateUnitInput }) {
  ensureCan(ctx, "update", "orgUnit");
  const before = await findUnit(ctx, input.id);
  const [after] = await ctx.db
    .update(orgUnit)
    .set({ name: input.name, code: input.code || null, openingDate: input.openingDate, closedDate: input.closedDate, updatedAt: sql`now()` })
    .where(and(eq(orgUnit.tenantId, ctx.tenant.id), eq(orgUnit.id, before.id)))
    .returning()
    .catch(explain);
  await audit(ctx, "org_unit.updated", before.id, { before: snapshot(before), after: snapshot(after!) });
  return { id: before.id };
}

/** Moves a unit with its whole subtree; the database rewrites the paths and refuses cycles. */
export async function moveUnitHandler({ ctx, input }: { ctx: ProtectedContext; input: MoveUnitInput }) {
  ensureCan(ctx, "update", "orgUnit");
  const before = await findUnit(ctx, input.id);
  const parent = await findUnit(ctx, input.newParentId);
  if (before.parentId === parent.id) return { id: before.id, moved: 0 };
  await ctx.db
    .update(orgUnit)
    .set({ parentId: parent.id, updatedAt: sql`now()` })
    .where(and(eq(orgUnit.tenantId, ctx.tenant.id), eq(orgUnit.id, before.id)))
    .catch(explain);
  const [subtree] = await ctx.db.select({ n: count() }).from(orgUnit).where(and(eq(orgUnit.tenantId, ctx.tenant.id), sql`${orgUnit.path} <@ (select path from org_unit where tenant_id = ${ctx.tenant.id} and id = ${before.id})`));
  await audit(ctx, "org_unit.moved", before.id, { before: { parentId: before.parentId }, after: { parentId: parent.id }, unitsMoved: subtree?.n ?? 1 });
  return { id: before.id, moved: subtree?.n ?? 1 };
}

/** Only a leaf that nothing refers to can be deleted. */
export async function deleteUnitHandler({ ctx, input }: { ctx: ProtectedContext; input: UnitIdInput }) {
  ensureCan(ctx, "delete", "orgUnit");
  const unit = await findUnit(ctx, input.id);
  const [[children], [scopes]] = await pipelined([
    ctx.db.select({ n: count() }).from(orgUnit).where(and(eq(orgUnit.tenantId, ctx.tenant.id), eq(orgUnit.parentId, unit.id))),
    ctx.db.select({ n: count() }).from(userScope).where(and(eq(userScope.tenantId, ctx.tenant.id), eq(userScope.orgUnitId, unit.id))),
  ]);
  if ((children?.n ?? 0) > 0) throw new TRPCError({ code: "BAD_REQUEST", message: `${unit.name} has ${children!.n} child unit(s); move or delete them first.` });
  if ((scopes?.n ?? 0) > 0) throw new TRPCError({ code: "BAD_REQUEST", message: `${unit.name} is in ${scopes!.n} user scope(s); change those first.` });
  await ctx.db.delete(orgUnit).where(and(eq(orgUnit.tenantId, ctx.tenant.id), eq(orgUnit.id, unit.id)));
  await audit(ctx, "org_unit.deleted", unit.id, { before: snapshot(unit) });
  return { deleted: true };
}
