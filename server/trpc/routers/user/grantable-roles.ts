import { TRPCError } from "@trpc/server";
import { and, eq, inArray } from "drizzle-orm";
import { role } from "@/db/schema";
import { firstMissingPermission } from "@/server/access/ability";
import type { ProtectedContext } from "@/server/trpc/init";

/**
 * The roles with these keys, refused unless each exists and the caller already holds every
 * permission it carries: nobody can hand out more than they have.
 */
export async function grantableRoles(ctx: ProtectedContext, keys: string[]) {
  if (keys.length === 0) return [];
  const roles = await ctx.db
    .select({ id: role.id, key: role.key, name: role.name, permissions: role.permissions })
    .from(role)
    .where(and(eq(role.tenantId, ctx.tenant.id), inArray(role.key, keys)));
  if (roles.length !== new Set(keys).size) throw new TRPCError({ code: "BAD_REQUEST", message: "One of the roles does not exist." });
  const beyond = roles.find((r) => firstMissingPermission(ctx.ability, r.permissions) !== null);
  if (beyond) {
    throw new TRPCError({ code: "FORBIDDEN", message: `You cannot grant “${beyond.name}”: it holds permissions you do not have.` });
  }
  return roles;
}
