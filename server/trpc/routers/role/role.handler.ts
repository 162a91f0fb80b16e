import { TRPCError } from "@trpc/server";
import { and, asc, count, eq, ne } from "drizzle-orm";
import { role, userRole } from "@/db/schema";
import { firstMissingPermission } from "@/server/access/ability";
import { auditAction } from "@/server/trpc/audit";
import { ensureCan, type ProtectedContext } from "@/server/trpc/init";
import type { RoleFields, RoleIdInput, UpdateRoleInput } from "./role.schema";

const audit = (ctx: ProtectedContext, action: string, roleId: string, details: Record<string, unknown>) =>
  auditAction(ctx, { action, subjectType: "role", subjectId: roleId, details });

/** Nobody builds a role holding a permission they do not hold themselves. */
function ensureWithinOwn(ctx: ProtectedContext, permissions: readonly string[]) {
  const missing = firstMissingPermission(ctx.ability, permissions);
  if (missing) throw new TRPCError({ code: "FORBIDDEN", message: `You cannot give a role “${missing}”: you do not hold it yourself.` });
}

async function findRole(ctx: ProtectedContext, roleId: string) {
  const [found] = await ctx.db.select().from(role).where(and(eq(role.tenantId, ctx.tenant.id), eq(role.id, roleId)));
  if (!found) throw new TRPCError({ code: "NOT_FOUND", message: "That role was not found." });
  return found;
}

async function ensureNameFree(ctx: ProtectedContext, name: string, except?: string) {
  const [taken] = await ctx.db
    .select({ id: role.id })
    .from(role)
    .where(and(eq(role.tenantId, ctx.tenant.id), eq(role.name, name), except ? ne(role.id, except) : undefined));
  if (taken) throw new TRPCError({ code: "CONFLICT", message: "Another role already has this name." });
}

export async function listRolesHandler({ ctx }: { ctx: ProtectedContext }) {
  ensureCan(ctx, "read", "role");
  const members = ctx.db
    .select({ roleId: userRole.roleId, n: count().as("n") })
    .from(userRole)
    .where(eq(userRole.tenantId, ctx.tenant.id))
    .groupBy(userRole.roleId)
    .as("members");
  const rows = await ctx.db
    .select({ id: role.id, key: role.key, name: role.name, description: role.description, permissions: role.permissions, system: role.system, members: members.n })
    .from(role)
    .leftJoin(members, eq(members.roleId, role.id))
    .where(eq(role.tenantId, ctx.tenant.id))
    .orderBy(asc(role.system), asc(role.name));
  return rows.map((row) => ({ ...row, members: Number(row.members ?? 0) }));
}

export async function createRoleHandler({ ctx, input }: { ctx: ProtectedContext; input: RoleFields }) {
  ensureCan(ctx, "create", "role");
  ensureWithinOwn(ctx, input.permissions);
  await ensureNameFree(ctx, input.name);
  const permissions = [...new Set(input.permissions)];
  const [created] = await ctx.db
    .insert(role)
    .values({ tenantId: ctx.tenant.id, name: input.name, description: input.description, permissions })
    .returning({ id: role.id });
  await audit(ctx, "role.created", created!.id, { name: input.name, permissions });
  return { roleId: created!.id };
}

/** System roles cannot be changed; custom roles only within the editor's own permissions. */
export async function updateRoleHandler({ ctx, input }: { ctx: ProtectedContext; input: UpdateRoleInput }) {
  ensureCan(ctx, "update", "role");
  const existing = await findRole(ctx, input.roleId);
  if (existing.system) throw new TRPCError({ code: "BAD_REQUEST", message: "System roles cannot be changed." });
  ensureWithinOwn(ctx, input.permissions);
  await ensureNameFree(ctx, input.name, existing.id);
  const permissions = [...new Set(input.permissions)];
  await ctx.db
    .update(role)
    .set({ name: input.name, description: input.description, permissions })
    .where(and(eq(role.tenantId, ctx.tenant.id), eq(role.id, existing.id)));
  await audit(ctx, "role.updated", existing.id, {
    before: { name: existing.name, description: existing.description, permissions: existing.permissions },
    after: { name: input.name, description: input.description, permissions },
  });
  return { roleId: existing.id };
}

export async function deleteRoleHandler({ ctx, input }: { ctx: ProtectedContext; input: RoleIdInput }) {
  ensureCan(ctx, "delete", "role");
  const existing = await findRole(ctx, input.roleId);
  if (existing.system) throw new TRPCError({ code: "BAD_REQUEST", message: "System roles cannot be deleted." });
  const [assigned] = await ctx.db
    .select({ n: count() })
    .from(userRole)
    .where(and(eq(userRole.tenantId, ctx.tenant.id), eq(userRole.roleId, existing.id)));
  if ((assigned?.n ?? 0) > 0) {
    throw new TRPCError({ code: "BAD_REQUEST", message: `Remove this role from its ${assigned!.n} user(s) first.` });
  }
  await ctx.db.delete(role).where(and(eq(role.tenantId, ctx.tenant.id), eq(role.id, existing.id)));
  await audit(ctx, "role.deleted", existing.id, { name: existing.name, permissions: existing.permissions });
  return { deleted: true };
}
