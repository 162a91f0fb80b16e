import { and, count, eq, isNull } from "drizzle-orm";
import { recoveryCode } from "@/db/schema";
import { twoFactorRequired } from "@/server/auth/security-policy";
import type { SignInStepContext } from "@/server/trpc/init";
import { ownAccountAt } from "./load-account";

export async function twoFactorStatusHandler({ ctx }: { ctx: SignInStepContext }) {
  const account = await ownAccountAt(ctx, ["mfa_enrolment_required", "active"]);
  const [left] = await ctx.db
    .select({ n: count() })
    .from(recoveryCode)
    .where(and(eq(recoveryCode.tenantId, ctx.tenant.id), eq(recoveryCode.userId, account.user.id), isNull(recoveryCode.usedAt)));
  return {
    enabled: account.user.totpEnabledAt !== null,
    enabledAt: account.user.totpEnabledAt,
    required: twoFactorRequired(account.policy, account.roleKeys),
    recoveryCodesLeft: left?.n ?? 0,
    stage: ctx.session.stage,
  };
}
