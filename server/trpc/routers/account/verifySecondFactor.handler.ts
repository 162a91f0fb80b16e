import { verifySecondFactor } from "@/server/auth/second-factor";
import type { SignInStepContext } from "@/server/trpc/init";
import type { CodeInput } from "./code.schema";
import { ownAccountAt } from "./load-account";

const MESSAGES = {
  invalid: "That code is not valid. Check the code in your authenticator app, or use a recovery code.",
  locked: "Too many wrong codes. Wait a few minutes, then try again.",
} as const;

/** A failure is a result, not an error, so its audit row and failure count are committed. */
export async function verifySecondFactorHandler({ ctx, input }: { ctx: SignInStepContext; input: CodeInput }) {
  const account = await ownAccountAt(ctx, ["mfa_required"]);
  const result = await verifySecondFactor(ctx.db, { account, sessionId: ctx.session.sessionId, code: input.code, meta: ctx.meta });
  return result.ok ? { ok: true as const, stage: result.stage } : { ok: false as const, message: MESSAGES[result.reason] };
}
