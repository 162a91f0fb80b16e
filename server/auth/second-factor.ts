import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { recoveryCode, userAccount } from "@/db/schema";
import { recordAudit } from "@/server/audit/record";
import type { RequestMeta } from "@/server/tenancy/current";
import type { Account } from "./account";
import { hashRecoveryCode, looksLikeRecoveryCode } from "./recovery-codes";
import { secretBox } from "./secret-box";
import { advanceSession } from "./sessions";
import { stageFor, type SessionStage } from "./stages";
import { clearFailures, isLocked, recordFailure } from "./throttle";
import { checkTotp } from "./totp";

export type SecondFactorResult =
  | { ok: true; stage: SessionStage; recoveryCodeUsed: boolean }
  | { ok: false; reason: "invalid" | "locked" };

/** Accepts a TOTP code once (the step is stored atomically) or an unused recovery code once. */
async function consume(tx: Transaction, account: Account, code: string): Promise<"totp" | "recovery" | null> {
  const { user } = account;
  if (looksLikeRecoveryCode(code)) {
    const used = await tx
      .update(recoveryCode)
      .set({ usedAt: sql`now()` })
      .where(
        and(
          eq(recoveryCode.tenantId, user.tenantId),
          eq(recoveryCode.userId, user.id),
          eq(recoveryCode.codeHash, hashRecoveryCode(code)),
          isNull(recoveryCode.usedAt),
        ),
      )
      .returning({ id: recoveryCode.id });
    return used.length ? "recovery" : null;
  }
  if (!user.totpSecretSealed) return null;
  const check = await checkTotp(secretBox().open(user.totpSecretSealed), code.trim(), user.totpLastStep);
  if (!check.valid) return null;
  // Two requests racing with the same code: only the first moves the step forward.
  const advanced = await tx
    .update(userAccount)
    .set({ totpLastStep: check.timeStep })
    .where(
      and(
        eq(userAccount.tenantId, user.tenantId),
        eq(userAccount.id, user.id),
        or(isNull(userAccount.totpLastStep), lt(userAccount.totpLastStep, check.timeStep)),
      ),
    )
    .returning({ id: userAccount.id });
  return advanced.length ? "totp" : null;
}

/**
 * The second sign-in step. Wrong codes are counted per user (separately from passwords) and lock
 * the second factor with the same doubling lockout; every attempt is audited, never the code.
 */
export async function verifySecondFactor(
  tx: Transaction,
  input: { account: Account; sessionId: string; code: string; meta: RequestMeta },
): Promise<SecondFactorResult> {
  const { account, meta } = input;
  const { user } = account;
  const lockKey = { tenantId: user.tenantId, subject: "second_factor", key: user.id } as const;
  const audit = (outcome: "success" | "failure", details: Record<string, unknown>) =>
    recordAudit(tx, {
      tenantId: user.tenantId,
      actorUserId: user.id,
      action: "sign_in.second_factor",
      outcome,
      subjectType: "user",
      subjectId: user.id,
      ip: meta.ip,
      userAgent: meta.userAgent,
      details,
    });

  if (await isLocked(tx, lockKey)) {
    await audit("failure", { reason: "locked" });
    return { ok: false, reason: "locked" };
  }
  const method = await consume(tx, account, input.code);
  if (!method) {
    await recordFailure(tx, lockKey);
    await audit("failure", { reason: "invalid_code" });
    return { ok: false, reason: "invalid" };
  }
  await clearFailures(tx, lockKey);
  const stage = stageFor(account.facts, account.policy, true);
  await advanceSession(tx, { tenantId: user.tenantId, sessionId: input.sessionId, stage, limits: account.policy.session });
  await audit("success", { method, next: stage });
  return { ok: true, stage, recoveryCodeUsed: method === "recovery" };
}
