import { changePassword } from "@/server/auth/password-change";
import type { SignInStepContext } from "@/server/trpc/init";
import type { ChangePasswordInput } from "./changePassword.schema";
import { ownAccountAt } from "./load-account";

/** Refusals come back as `problems` (not errors) so the form can show each one. */
export async function changePasswordHandler({ ctx, input }: { ctx: SignInStepContext; input: ChangePasswordInput }) {
  const account = await ownAccountAt(ctx, ["password_change_required", "active"]);
  return changePassword(ctx.db, {
    account,
    tenant: ctx.tenant,
    sessionId: ctx.session.sessionId,
    required: ctx.session.stage === "password_change_required",
    currentPassword: input.currentPassword,
    newPassword: input.newPassword,
    meta: ctx.meta,
  });
}
