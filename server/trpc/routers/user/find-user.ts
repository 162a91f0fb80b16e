import { TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import { userAccount } from "@/db/schema";
import type { UserRow } from "@/server/auth/account";
import { auditAction } from "@/server/trpc/audit";
import type { ProtectedContext } from "@/server/trpc/init";

/** A user of the caller's tenant; anyone else — another tenant's, or nobody — is not found. */
export async function findUser(ctx: ProtectedContext, userId: string): Promise<UserRow> {
  const [user] = await ctx.db
    .select()
    .from(userAccount)
    .where(and(eq(userAccount.tenantId, ctx.tenant.id), eq(userAccount.id, userId)));
  if (!user) throw new TRPCError({ code: "NOT_FOUND", message: "That user was not found." });
  return user;
}

/** Audits an administrator's action on a user. */
export const auditUserAction = (ctx: ProtectedContext, action: string, userId: string, details: Record<string, unknown> = {}) =>
  auditAction(ctx, { action, subjectType: "user", subjectId: userId, details });
