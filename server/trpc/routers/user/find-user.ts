import { TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import { userAccount } from "@/db/schema";
import type { UserRow } from "@/server/auth/account";
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

/** An audit entry for an administrator's action on a user, with the request's metadata. */
export function userAudit(ctx: ProtectedContext, action: string, userId: string, details: Record<string, unknown> = {}) {
  return {
    tenantId: ctx.tenant.id,
    actorUserId: ctx.session.userId,
    action,
    subjectType: "user",
    subjectId: userId,
    ip: ctx.meta.ip,
    userAgent: ctx.meta.userAgent,
    details,
  };
}
