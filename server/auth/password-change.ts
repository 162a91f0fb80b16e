import { and, desc, eq, sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { passwordHistory, userAccount } from "@/db/schema";
import { recordAudit } from "@/server/audit/record";
import type { RequestMeta } from "@/server/tenancy/current";
import type { Tenant } from "@/server/tenancy/tenant";
import type { Account } from "./account";
import { hashPassword, verifyPassword } from "./password";
import { passwordProblems } from "./password-policy";
import { advanceSession, endUserSessions } from "./sessions";
import { stageFor, type SessionStage } from "./stages";

export type PasswordChangeResult = { ok: true; stage: SessionStage; endedSessions: number } | { ok: false; problems: string[] };

/** The policy's reasons to refuse a new password for this user (history is checked on submit). */
export function newPasswordProblems(account: Account, tenant: Tenant, password: string): string[] {
  const { user, policy } = account;
  return passwordProblems(password, policy.password, {
    tenantName: tenant.name,
    tenantSlug: tenant.slug,
    displayName: user.displayName,
    email: user.email,
  });
}

/** True when the password is the current one or among the last (historySize − 1) before it. */
async function recentlyUsed(tx: Transaction, account: Account, password: string): Promise<boolean> {
  const { user, policy } = account;
  if (policy.password.historySize === 0) return false;
  const earlier = await tx
    .select({ hash: passwordHistory.passwordHash })
    .from(passwordHistory)
    .where(and(eq(passwordHistory.tenantId, user.tenantId), eq(passwordHistory.userId, user.id)))
    .orderBy(desc(passwordHistory.createdAt))
    .limit(Math.max(policy.password.historySize - 1, 0));
  for (const hash of [user.passwordHash, ...earlier.map((row) => row.hash)]) {
    if (await verifyPassword(hash, password)) return true;
  }
  return false;
}

/**
 * Changes the user's own password. A voluntary change needs the current password; a required one
 * (temporary or expired password) was proven by the sign-in minutes ago. Every other session of
 * the user ends; the one making the change continues.
 */
export async function changePassword(
  tx: Transaction,
  input: {
    account: Account;
    tenant: Tenant;
    sessionId: string;
    required: boolean;
    currentPassword?: string;
    newPassword: string;
    meta: RequestMeta;
  },
): Promise<PasswordChangeResult> {
  const { account, tenant } = input;
  const { user } = account;
  if (!input.required && !(await verifyPassword(user.passwordHash, input.currentPassword ?? ""))) {
    return { ok: false, problems: ["Your current password is not correct."] };
  }
  const problems = newPasswordProblems(account, tenant, input.newPassword);
  if (problems.length) return { ok: false, problems };
  if (await recentlyUsed(tx, account, input.newPassword)) {
    return { ok: false, problems: ["You have used this password recently. Choose one you have not used before."] };
  }

  await tx.insert(passwordHistory).values({ tenantId: user.tenantId, userId: user.id, passwordHash: user.passwordHash });
  await tx
    .update(userAccount)
    .set({
      passwordHash: await hashPassword(input.newPassword),
      passwordMustChange: false,
      passwordChangedAt: sql`now()`,
      updatedAt: sql`now()`,
    })
    .where(and(eq(userAccount.tenantId, user.tenantId), eq(userAccount.id, user.id)));
  const endedSessions = await endUserSessions(tx, { tenantId: user.tenantId, userId: user.id, keep: input.sessionId });

  const facts = { ...account.facts, passwordMustChange: false, passwordChangedAt: new Date() };
  const stage = stageFor(facts, account.policy, true);
  await advanceSession(tx, { tenantId: user.tenantId, sessionId: input.sessionId, stage, limits: account.policy.session });
  await recordAudit(tx, {
    tenantId: user.tenantId,
    actorUserId: user.id,
    action: "password.changed",
    subjectType: "user",
    subjectId: user.id,
    ip: input.meta.ip,
    userAgent: input.meta.userAgent,
    details: { required: input.required, endedSessions },
  });
  return { ok: true, stage, endedSessions };
}
