import { TRPCError } from "@trpc/server";
import { and, asc, count, eq } from "drizzle-orm";
import { pipelined } from "@/db/pipelined";
import { orgUnit, orgUnitGroup, orgUnitGroupMember, orgUnitLevel } from "@/db/schema";
import { auditAction } from "@/server/trpc/audit";
import { ensureCan, type ProtectedContext } from "@/server/trpc/init";
import type { CreateGroupInput, GroupIdInput, MembershipInput, RenameLevelInput } from "./groups.schema";

const audit = (ctx: ProtectedContext, action: string, subjectType: string, subjectId: string, details: Record<string, unknown>) =>
  auditAction(ctx, { action, subjectType, subjectId, details });

export async function levelsHandler({ ctx }: { ctx: ProtectedContext }) {
  ensureCan(ctx, "read", "orgUnit");
  return ctx.db.select({ level: orgUnitLevel.level, name: orgUnitLevel.name }).from(orgUnitLevel).where(eq(orgUnitLevel.tenantId, ctx.tenant.id)).orderBy(asc(orgUnitLevel.level));
}

/** Names a level of the tree (National, District…); a level without a name gets one. */
export async function renameLevelHandler({ ctx, input }: { ctx: ProtectedContext; input: RenameLevelInput }) {
  ensureCan(ctx, "update", "orgUnit");
  const [before] = await ctx.db.select().from(orgUnitLevel).where(and(eq(orgUnitLevel.tenantId, ctx.tenant.id), eq(orgUnitLevel.level, input.level)));
  await ctx.db
    .insert(orgUnitLevel)
    .values({ tenantId: ctx.tenant.id, level: input.level, name: input.name })
    .onConflictDoUpdate({ target: [orgUnitLevel.tenantId, orgUnitLevel.level], set: { name: input.name } });
  await audit(ctx, "org_unit_level.renamed", "org_unit_level", String(input.level), { before: before?.name ?? null, after: input.name });
  return { level: input.level, name: input.name };
}

export async function groupsHandler({ ctx }: { ctx: ProtectedContext }) {
  ensureCan(ctx, "read", "orgUnit");
  const members = ctx.db
    .select({ groupId: orgUnitGroupMember.groupId, n: count().as("n") })
    .from(orgUnitGroupMember)
    .where(eq(orgUnitGroupMember.tenantId, ctx.tenant.id))
    .groupBy(orgUnitGroupMember.groupId)
    .as("members");
  const rows = await ctx.db
    .select({ id: orgUnitGroup.id, name: orgUnitGroup.name, members: members.n })
    .from(orgUnitGroup)
    .leftJoin(members, eq(members.groupId, orgUnitGroup.id))
    .where(eq(orgUnitGroup.tenantId, ctx.tenant.id))
    .orderBy(asc(orgUnitGroup.name));
  return rows.map((row) => ({ ...row, members: Number(row.members ?? 0) }));
}

export async function createGroupHandler({ ctx, input }: { ctx: ProtectedContext; input: CreateGroupInput }) {
  ensureCan(ctx, "update", "orgUnit");
  const [taken] = await ctx.db.select({ id: orgUnitGroup.id }).from(orgUnitGroup).where(and(eq(orgUnitGroup.tenantId, ctx.tenant.id), eq(orgUnitGroup.name, input.name)));
  if (taken) throw new TRPCError({ code: "CONFLICT", message: "A group with this name exists already." });
  const [created] = await ctx.db.insert(orgUnitGroup).values({ tenantId: ctx.tenant.id, name: input.name }).returning({ id: orgUnitGroup.id });
  await audit(ctx, "org_unit_group.created", "org_unit_group", created!.id, { name: input.name });
  return { groupId: created!.id };
}

export async function deleteGroupHandler({ ctx, input }: { ctx: ProtectedContext; input: GroupIdInput }) {
  ensureCan(ctx, "update", "orgUnit");
  const deleted = await ctx.db
    .delete(orgUnitGroup)
    .where(and(eq(orgUnitGroup.tenantId, ctx.tenant.id), eq(orgUnitGroup.id, input.groupId)))
    .returning({ name: orgUnitGroup.name });
  if (!deleted.length) throw new TRPCError({ code: "NOT_FOUND", message: "That group was not found." });
  await audit(ctx, "org_unit_group.deleted", "org_unit_group", input.groupId, { name: deleted[0]!.name });
  return { deleted: true };
}

/** Puts a unit in a group or takes it out; both must be the tenant's. */
export async function setMembershipHandler({ ctx, input }: { ctx: ProtectedContext; input: MembershipInput }) {
  ensureCan(ctx, "update", "orgUnit");
  const [[group], [unit]] = await pipelined([
    ctx.db.select({ id: orgUnitGroup.id }).from(orgUnitGroup).where(and(eq(orgUnitGroup.tenantId, ctx.tenant.id), eq(orgUnitGroup.id, input.groupId))),
    ctx.db.select({ id: orgUnit.id }).from(orgUnit).where(and(eq(orgUnit.tenantId, ctx.tenant.id), eq(orgUnit.id, input.orgUnitId))),
  ]);
  if (!group || !unit) throw new TRPCError({ code: "NOT_FOUND", message: "That group or unit was not found." });
  const where = and(eq(orgUnitGroupMember.tenantId, ctx.tenant.id), eq(orgUnitGroupMember.groupId, group.id), eq(orgUnitGroupMember.orgUnitId, unit.id));
  if (input.member) {
    await ctx.db.insert(orgUnitGroupMember).values({ tenantId: ctx.tenant.id, groupId: group.id, orgUnitId: unit.id }).onConflictDoNothing();
  } else {
    await ctx.db.delete(orgUnitGroupMember).where(where);
  }
  await audit(ctx, input.member ? "org_unit_group.member_added" : "org_unit_group.member_removed", "org_unit_group", group.id, { orgUnitId: unit.id });
  return { member: input.member };
}
