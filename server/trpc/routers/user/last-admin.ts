import { and, count, eq, ne } from "drizzle-orm";
import { role, userAccount, userRole } from "@/db/schema";
import type { ProtectedContext } from "@/server/trpc/init";

/** Active tenant admins other than `userId`: the tenant must never be left without one. */
export async function otherActiveAdmins(ctx: ProtectedContext, userId: string): Promise<number> {
  const [row] = await ctx.db
    .select({ n: count() })
    .from(userRole)
    .innerJoin(role, and(eq(role.tenantId, userRole.tenantId), eq(role.id, userRole.roleId)))
    .innerJoin(userAccount, and(eq(userAccount.tenantId, userRole.tenantId), eq(userAccount.id, userRole.userId)))
    .where(and(eq(userRole.tenantId, ctx.tenant.id), eq(role.key, "tenant_admin"), eq(userAccount.status, "active"), ne(userAccount.id, userId)));
  return row?.n ?? 0;
}
