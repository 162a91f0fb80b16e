import { newPasswordProblems } from "@/server/auth/password-change";
import type { SignInStepContext } from "@/server/trpc/init";
import type { CheckPasswordInput } from "./changePassword.schema";
import { ownAccountAt } from "./load-account";

/** Live feedback while typing: the same rules the change itself applies (a POST, so never logged in a URL). */
export async function checkPasswordHandler({ ctx, input }: { ctx: SignInStepContext; input: CheckPasswordInput }) {
  const account = await ownAccountAt(ctx, ["password_change_required", "active"]);
  return { problems: input.password ? newPasswordProblems(account, ctx.tenant, input.password) : [] };
}
