import { TRPCError } from "@trpc/server";
import { and, eq, inArray } from "drizzle-orm";
import { role, userRole } from "@/db/schema";
import { firstMissingPermission } from "@/server/access/ability";
import { ensureCan, type ProtectedContext } from "@/server/trpc/init";
import type { SetRolesInput } from "../role/role.schema";
import { auditUserAction, findUser } from "./find-user";
import { otherActiveAdmins } from "./last-admin";

/**
 * Replaces a user's roles. Every role being added must be one the caller could build (they hold
 * all its permissions), and the tenant keeps at least one active tenant admin.
 */
export async function setRolesHandler({ ctx, input }: { ctx: ProtectedContext; input: SetRolesInput }) {
  ensureCan(ctx, "update", "user");
  const user = await findUser(ctx, input.userId);
  const wanted = [...new Set(input.roleIds)];
  const roles = wanted.length
    ? await ctx.db.select().from(role).where(and(eq(role.tenantId, ctx.tenant.id), inArray(role.id, wanted)))
    : [];
  if (roles.length !== wanted.length) throw new TRPCError({ code: "BAD_REQUEST", message: "One of the roles was not found." });

  const current = await ctx.db
    .select({ roleId: userRole.roleId, key: role.key, name: role.name })
    .from(userRole)
    .innerJoin(role, and(eq(role.tenantId, userRole.tenantId), eq(role.id, userRole.roleId)))
    .where(and(eq(userRole.tenantId, ctx.tenant.id), eq(userRole.userId, user.id)));
  const currentIds = new Set(current.map((r) => r.roleId));
  const beyond = roles.find((r) => !currentIds.has(r.id) && firstMissingPermission(ctx.ability, r.permissions) !== null);
  if (beyond) throw new TRPCError({ code: "FORBIDDEN", message: `You cannot grant “${beyond.name}”: it holds permissions you do not have.` });

  const losesAdmin = current.some((r) => r.key === "tenant_admin") && !roles.some((r) => r.key === "tenant_admin");
  if (losesAdmin && user.status === "active" && (await otherActiveAdmins(ctx, user.id)) === 0) {
    throw new TRPCError({ code: "BAD_REQUEST", message: "This is the last active tenant admin; the role cannot be removed." });
  }

  await ctx.db.delete(userRole).where(and(eq(userRole.tenantId, ctx.tenant.id), eq(userRole.userId, user.id)));
  if (roles.length) await ctx.db.insert(userRole).values(roles.map((r) => ({ tenantId: ctx.tenant.id, userId: user.id, roleId: r.id })));
  await auditUserAction(ctx, "user.roles_changed", user.id, { before: current.map((r) => r.name), after: roles.map((r) => r.name) });
  return { roles: roles.map((r) => r.name) };
}
