import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import { pipelined } from "@/db/pipelined";
import { userAccount } from "@/db/schema";
import { withTenant } from "@/db/tenant-transaction";
import { recordAudit } from "@/server/audit/record";
import type { RequestMeta } from "@/server/tenancy/current";
import type { Tenant } from "@/server/tenancy/tenant";
import { hashPassword, needsRehash, spendVerificationTime, verifyPassword } from "./password";
import { createSession } from "./sessions";
import { accountFacts, roleKeysOf } from "./account";
import { loadSecurityPolicy } from "./security-policy";
import { stageFor, type SessionStage } from "./stages";
import { flagAfterFailure, flagBeforeSuccess } from "./suspicious-activity";
import { clearFailures, isIpBlocked, isLocked, recordFailure, recordIpFailure } from "./throttle";

export const signInInput = z.object({
  email: z.string().trim().toLowerCase().min(3).max(320),
  password: z.string().min(1).max(1024),
});

export type SignInResult =
  | { kind: "signed_in"; userId: string; email: string; displayName: string; sessionToken: string; stage: SessionStage }
  /** Wrong email, wrong password, disabled or locked: deliberately indistinguishable. */
  | { kind: "rejected" }
  /** Too many failures from this IP address; says nothing about any account. */
  | { kind: "rate_limited" };

type FailureReason = "unknown_email" | "bad_password" | "disabled" | "locked" | "ip_rate_limited";

/**
 * Checks an email and password against one tenant's users and opens a session. Every outcome
 * leaves an audit row in the same transaction (never the password). Unknown emails are verified
 * against a dummy hash and locked accounts still spend the verification time, so neither the
 * answer nor its timing tells an attacker which accounts exist or are locked.
 */
export async function signInWithPassword(
  db: Database,
  tenant: Tenant,
  rawInput: unknown,
  meta: RequestMeta,
): Promise<SignInResult> {
  const input = signInInput.safeParse(rawInput);
  if (!input.success) return { kind: "rejected" };
  const { email, password } = input.data;
  const accountKey = { tenantId: tenant.id, subject: "account", key: email } as const;

  return withTenant(db, { tenantId: tenant.id }, async (tx) => {
    const audit = (outcome: "success" | "failure", actorUserId: string | null, details: Record<string, unknown>) =>
      recordAudit(tx, { tenantId: tenant.id, action: "sign_in", outcome, actorUserId, ip: meta.ip, userAgent: meta.userAgent, details });
    const recordPasswordFailure = async () => {
      await recordFailure(tx, accountKey);
      await recordIpFailure(tx, tenant.id, meta.ip);
    };
    const attempt = { tenantId: tenant.id, email, ip: meta.ip, userAgent: meta.userAgent };
    const fail = async (reason: FailureReason, actorUserId: string | null = null) => {
      await audit("failure", actorUserId, { email, reason });
      await flagAfterFailure(tx, { ...attempt, userId: actorUserId });
      return reason === "ip_rate_limited" ? ({ kind: "rate_limited" } as const) : ({ kind: "rejected" } as const);
    };

    if (await isIpBlocked(tx, tenant.id, meta.ip)) return fail("ip_rate_limited");

    const [user] = await tx
      .select()
      .from(userAccount)
      .where(and(eq(userAccount.tenantId, tenant.id), eq(userAccount.email, email)));

    if (await isLocked(tx, accountKey)) {
      await spendVerificationTime(password);
      return fail("locked", user?.id ?? null);
    }
    if (!user) {
      await spendVerificationTime(password);
      await recordPasswordFailure();
      return fail("unknown_email");
    }
    if (!(await verifyPassword(user.passwordHash, password))) {
      await recordPasswordFailure();
      return fail("bad_password", user.id);
    }
    if (user.status !== "active") return fail("disabled", user.id);

    await clearFailures(tx, accountKey);
    if (needsRehash(user.passwordHash)) {
      await tx
        .update(userAccount)
        .set({ passwordHash: await hashPassword(password) })
        .where(and(eq(userAccount.tenantId, tenant.id), eq(userAccount.id, user.id)));
    }
    const [roleKeys, policy] = await pipelined([roleKeysOf(tx, tenant.id, user.id), loadSecurityPolicy(tx, tenant.id)]);
    const stage = stageFor(accountFacts(user, roleKeys), policy, false);
    const sessionToken = await createSession(tx, { tenantId: tenant.id, userId: user.id, stage, limits: policy.session, ...meta });
    await flagBeforeSuccess(tx, { ...attempt, userId: user.id });
    await audit("success", user.id, { email, next: stage });
    return { kind: "signed_in", userId: user.id, email: user.email, displayName: user.displayName, sessionToken, stage };
  });
}
