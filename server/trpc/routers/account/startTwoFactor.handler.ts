import { TRPCError } from "@trpc/server";
import { startEnrolment } from "@/server/auth/two-factor-enrolment";
import type { SignInStepContext } from "@/server/trpc/init";
import { ownAccountAt } from "./load-account";

export async function startTwoFactorHandler({ ctx }: { ctx: SignInStepContext }) {
  const account = await ownAccountAt(ctx, ["mfa_enrolment_required", "active"]);
  if (account.user.totpEnabledAt) {
    throw new TRPCError({ code: "CONFLICT", message: "Two-factor authentication is already on for your account." });
  }
  return startEnrolment(ctx.db, account, ctx.tenant.name);
}
