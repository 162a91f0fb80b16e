import { TRPCError } from "@trpc/server";
import { loadAccount, type Account } from "@/server/auth/account";
import type { SessionStage } from "@/server/auth/stages";
import type { SignInStepContext } from "@/server/trpc/init";

/** The caller's own account, if their session is at one of the stages this step belongs to. */
export async function ownAccountAt(ctx: SignInStepContext, stages: readonly SessionStage[]): Promise<Account> {
  if (!stages.includes(ctx.session.stage)) {
    throw new TRPCError({ code: "BAD_REQUEST", message: "This step is not part of signing in right now." });
  }
  const account = await loadAccount(ctx.db, ctx.tenant.id, ctx.session.userId);
  if (!account) throw new TRPCError({ code: "UNAUTHORIZED", message: "Please sign in." });
  return account;
}
