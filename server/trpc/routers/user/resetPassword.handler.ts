import { and, eq, sql } from "drizzle-orm";
import { userAccount } from "@/db/schema";
import { hashPassword } from "@/server/auth/password";
import { loadSecurityPolicy } from "@/server/auth/security-policy";
import { endUserSessions } from "@/server/auth/sessions";
import { temporaryPassword } from "@/server/auth/temporary-password";
import { ensureCan, type ProtectedContext } from "@/server/trpc/init";
import { auditUserAction, findUser } from "./find-user";
import type { UserIdInput } from "./user-id.schema";

/** A new temporary password (shown once), to be replaced at the next sign-in; all sessions end. */
export async function resetPasswordHandler({ ctx, input }: { ctx: ProtectedContext; input: UserIdInput }) {
  ensureCan(ctx, "update", "user");
  const user = await findUser(ctx, input.userId);
  const policy = await loadSecurityPolicy(ctx.db, ctx.tenant.id);
  const password = temporaryPassword(policy.password, {
    tenantName: ctx.tenant.name,
    tenantSlug: ctx.tenant.slug,
    displayName: user.displayName,
    email: user.email,
  });
  await ctx.db
    .update(userAccount)
    .set({ passwordHash: await hashPassword(password), passwordMustChange: true, passwordChangedAt: sql`now()`, updatedAt: sql`now()` })
    .where(and(eq(userAccount.tenantId, ctx.tenant.id), eq(userAccount.id, user.id)));
  const endedSessions = await endUserSessions(ctx.db, { tenantId: ctx.tenant.id, userId: user.id });
  await auditUserAction(ctx, "user.password_reset", user.id, { endedSessions });
  return { temporaryPassword: password, endedSessions };
}
