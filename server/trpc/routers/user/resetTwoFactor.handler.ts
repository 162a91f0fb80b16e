import { and, eq } from "drizzle-orm";
import { recoveryCode, userAccount } from "@/db/schema";
import { endUserSessions } from "@/server/auth/sessions";
import { ensureCan, type ProtectedContext } from "@/server/trpc/init";
import { auditUserAction, findUser } from "./find-user";
import type { UserIdInput } from "./user-id.schema";

/** Removes a user's second factor and recovery codes (they enrol again) and ends their sessions. */
export async function resetTwoFactorHandler({ ctx, input }: { ctx: ProtectedContext; input: UserIdInput }) {
  ensureCan(ctx, "resetTwoFactor", "user");
  const user = await findUser(ctx, input.userId);
  await ctx.db
    .update(userAccount)
    .set({ totpSecretSealed: null, totpPendingSecretSealed: null, totpEnabledAt: null, totpLastStep: null })
    .where(and(eq(userAccount.tenantId, ctx.tenant.id), eq(userAccount.id, user.id)));
  await ctx.db.delete(recoveryCode).where(and(eq(recoveryCode.tenantId, ctx.tenant.id), eq(recoveryCode.userId, user.id)));
  const endedSessions = await endUserSessions(ctx.db, { tenantId: ctx.tenant.id, userId: user.id });
  await auditUserAction(ctx, "two_factor.reset", user.id, { endedSessions });
  return { endedSessions };
}
