import { and, eq, gt, sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { auditEvent, notification, role, securityFlag, userAccount, userRole } from "@/db/schema";

/**
 * Flags raised from the sign-in history (the audit trail) inside the sign-in transaction:
 * a burst of failures on one account or from one address, a success right after several
 * failures, and a success from an address and browser the user has not signed in from before.
 * Each flag notifies every active user who may manage security.
 */
export const ACCOUNT_BURST = { failures: 5, minutes: 10 } as const;
export const IP_BURST = { failures: 10, minutes: 10 } as const;
export const FAILURES_BEFORE_SUCCESS = { failures: 3, minutes: 60 } as const;

type FlagKind = (typeof securityFlag.kind.enumValues)[number];
type Attempt = { tenantId: string; email: string; userId: string | null; ip: string | null; userAgent: string | null };

const since = (minutes: number) => sql`now() - make_interval(mins => ${minutes})`;
const signIns = (tenantId: string) => and(eq(auditEvent.tenantId, tenantId), eq(auditEvent.action, "sign_in"));

async function failuresFor(tx: Transaction, tenantId: string, by: "email" | "ip", value: string, minutes: number): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(auditEvent)
    .where(
      and(
        signIns(tenantId),
        eq(auditEvent.outcome, "failure"),
        by === "email" ? sql`${auditEvent.details}->>'email' = ${value}` : eq(auditEvent.ip, value),
        gt(auditEvent.occurredAt, since(minutes)),
      ),
    );
  return row?.n ?? 0;
}

const TITLES: Record<FlagKind, (a: Attempt) => string> = {
  account_failure_burst: (a) => `Repeated failed sign-ins for ${a.email}`,
  ip_failure_burst: (a) => `Repeated failed sign-ins from ${a.ip}`,
  success_after_failures: (a) => `${a.email} signed in after several failed attempts`,
  new_device: (a) => `${a.email} signed in from a new address and browser`,
};

async function raise(tx: Transaction, kind: FlagKind, attempt: Attempt, details: Record<string, unknown>): Promise<void> {
  await tx.insert(securityFlag).values({
    tenantId: attempt.tenantId,
    kind,
    userId: attempt.userId,
    email: attempt.email,
    ip: attempt.ip,
    userAgent: attempt.userAgent,
    details,
  });
  const managers = await tx
    .selectDistinct({ id: userAccount.id })
    .from(userAccount)
    .innerJoin(userRole, and(eq(userRole.tenantId, userAccount.tenantId), eq(userRole.userId, userAccount.id)))
    .innerJoin(role, and(eq(role.tenantId, userRole.tenantId), eq(role.id, userRole.roleId)))
    .where(
      and(
        eq(userAccount.tenantId, attempt.tenantId),
        eq(userAccount.status, "active"),
        sql`'manageSecurity:tenantSettings' = any(${role.permissions})`,
      ),
    );
  if (managers.length === 0) return;
  await tx.insert(notification).values(
    managers.map((manager) => ({
      tenantId: attempt.tenantId,
      recipientId: manager.id,
      title: TITLES[kind](attempt),
      body: `IP ${attempt.ip ?? "unknown"} · ${attempt.userAgent ?? "unknown browser"}`,
      link: "/admin/security",
    })),
  );
}

/** After a failed password (its audit row already written): raise a flag when a burst reaches its threshold. */
export async function flagAfterFailure(tx: Transaction, attempt: Attempt): Promise<void> {
  // Exactly at the threshold, so a long burst is flagged once, not on every further attempt.
  if ((await failuresFor(tx, attempt.tenantId, "email", attempt.email, ACCOUNT_BURST.minutes)) === ACCOUNT_BURST.failures) {
    await raise(tx, "account_failure_burst", attempt, { failures: ACCOUNT_BURST.failures, minutes: ACCOUNT_BURST.minutes });
  }
  if (attempt.ip && (await failuresFor(tx, attempt.tenantId, "ip", attempt.ip, IP_BURST.minutes)) === IP_BURST.failures) {
    await raise(tx, "ip_failure_burst", attempt, { failures: IP_BURST.failures, minutes: IP_BURST.minutes });
  }
}

/** Before a successful sign-in's audit row is written: compare with the user's history. */
export async function flagBeforeSuccess(tx: Transaction, attempt: Attempt & { userId: string }): Promise<void> {
  const failures = await failuresFor(tx, attempt.tenantId, "email", attempt.email, FAILURES_BEFORE_SUCCESS.minutes);
  if (failures >= FAILURES_BEFORE_SUCCESS.failures) {
    await raise(tx, "success_after_failures", attempt, { failures, minutes: FAILURES_BEFORE_SUCCESS.minutes });
  }
  const earlier = await tx
    .select({ ip: auditEvent.ip, userAgent: auditEvent.userAgent })
    .from(auditEvent)
    .where(and(signIns(attempt.tenantId), eq(auditEvent.actorUserId, attempt.userId), eq(auditEvent.outcome, "success")))
    .orderBy(sql`${auditEvent.occurredAt} desc`)
    .limit(200);
  // A user's very first sign-in has nothing to compare with, so it is not "new".
  const known = earlier.some((row) => row.ip === attempt.ip && row.userAgent === attempt.userAgent);
  if (earlier.length > 0 && !known) await raise(tx, "new_device", attempt, {});
}
