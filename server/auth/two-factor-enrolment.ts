import { and, eq, isNull, sql } from "drizzle-orm";
import QRCode from "qrcode";
import type { Transaction } from "@/db/client";
import { recoveryCode, userAccount } from "@/db/schema";
import { recordAudit } from "@/server/audit/record";
import type { RequestMeta } from "@/server/tenancy/current";
import type { Account } from "./account";
import { hashRecoveryCode, newRecoveryCodes } from "./recovery-codes";
import { secretBox } from "./secret-box";
import { advanceSession } from "./sessions";
import { stageFor, type SessionStage } from "./stages";
import { checkTotp, newTotpSecret, totpUri } from "./totp";

export type EnrolmentStart = { secret: string; uri: string; qrDataUrl: string };

/** A new secret, kept sealed as *pending* until a code from the user's app confirms it. */
export async function startEnrolment(tx: Transaction, account: Account, tenantName: string): Promise<EnrolmentStart> {
  const { user } = account;
  const secret = newTotpSecret();
  await tx
    .update(userAccount)
    .set({ totpPendingSecretSealed: secretBox().seal(secret) })
    .where(and(eq(userAccount.tenantId, user.tenantId), eq(userAccount.id, user.id)));
  const uri = totpUri(secret, { issuer: `Canopy · ${tenantName}`, label: user.email });
  return { secret, uri, qrDataUrl: await QRCode.toDataURL(uri, { margin: 1, width: 220 }) };
}

export type EnrolmentResult =
  | { ok: true; recoveryCodes: string[]; stage: SessionStage }
  | { ok: false; reason: "invalid" | "not_started" };

/**
 * Turns two-factor on once a code proves the app holds the pending secret, replaces any earlier
 * recovery codes with ten new ones (returned once, stored hashed) and audits it.
 */
export async function confirmEnrolment(
  tx: Transaction,
  input: { account: Account; sessionId: string; code: string; meta: RequestMeta },
): Promise<EnrolmentResult> {
  const { user } = input.account;
  if (!user.totpPendingSecretSealed) return { ok: false, reason: "not_started" };
  const check = await checkTotp(secretBox().open(user.totpPendingSecretSealed), input.code.trim(), null);
  if (!check.valid) return { ok: false, reason: "invalid" };

  const where = and(eq(userAccount.tenantId, user.tenantId), eq(userAccount.id, user.id));
  const [enabled] = await tx
    .update(userAccount)
    .set({
      totpSecretSealed: user.totpPendingSecretSealed,
      totpPendingSecretSealed: null,
      totpEnabledAt: sql`now()`,
      totpLastStep: check.timeStep,
    })
    .where(and(where, isNull(userAccount.totpEnabledAt)))
    .returning({ totpEnabledAt: userAccount.totpEnabledAt });
  if (!enabled) return { ok: false, reason: "not_started" };

  await tx.delete(recoveryCode).where(and(eq(recoveryCode.tenantId, user.tenantId), eq(recoveryCode.userId, user.id)));
  const codes = newRecoveryCodes();
  await tx.insert(recoveryCode).values(codes.map((code) => ({ tenantId: user.tenantId, userId: user.id, codeHash: hashRecoveryCode(code) })));

  const facts = { ...input.account.facts, totpEnabledAt: enabled.totpEnabledAt };
  const stage = stageFor(facts, input.account.policy, true);
  await advanceSession(tx, { tenantId: user.tenantId, sessionId: input.sessionId, stage, limits: input.account.policy.session });
  await recordAudit(tx, {
    tenantId: user.tenantId,
    actorUserId: user.id,
    action: "two_factor.enabled",
    subjectType: "user",
    subjectId: user.id,
    ip: input.meta.ip,
    userAgent: input.meta.userAgent,
  });
  return { ok: true, recoveryCodes: codes, stage };
}
