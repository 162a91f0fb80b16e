import { confirmEnrolment } from "@/server/auth/two-factor-enrolment";
import type { SignInStepContext } from "@/server/trpc/init";
import type { CodeInput } from "./code.schema";
import { ownAccountAt } from "./load-account";

const MESSAGES = {
  invalid: "That code does not match. Scan the QR code again or check the time on your phone, then enter the new code.",
  not_started: "Start setting up two-factor authentication again.",
} as const;

export async function confirmTwoFactorHandler({ ctx, input }: { ctx: SignInStepContext; input: CodeInput }) {
  const account = await ownAccountAt(ctx, ["mfa_enrolment_required", "active"]);
  const result = await confirmEnrolment(ctx.db, { account, sessionId: ctx.session.sessionId, code: input.code, meta: ctx.meta });
  return result.ok
    ? { ok: true as const, recoveryCodes: result.recoveryCodes, stage: result.stage }
    : { ok: false as const, message: MESSAGES[result.reason] };
}
