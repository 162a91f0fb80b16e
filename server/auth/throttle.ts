import { and, eq, or, sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { signInThrottle } from "@/db/schema";
import { IP_WINDOW_MINUTES } from "./sign-in-limits";

/**
 * Brute-force limits, on by default (Keycloak and DHIS2 ship theirs off). After
 * ACCOUNT_FAILURE_LIMIT failed passwords an account is locked for 1 minute, then 2, 4, 8 and at
 * most 15; a success resets it, and so do 12 quiet hours. An IP address that fails
 * IP_FAILURE_LIMIT times within IP_WINDOW_MINUTES, across any accounts, is refused for the window.
 */
export const ACCOUNT_FAILURE_LIMIT = 5;
export const LOCKOUT_MAX_MINUTES = 15;
export const FAILURE_MEMORY_HOURS = 12;
export const IP_FAILURE_LIMIT = 20;

export type ThrottleKeys = { tenantId: string; email: string; ip: string | null };

export async function throttleState(tx: Transaction, keys: ThrottleKeys): Promise<{ accountLocked: boolean; ipBlocked: boolean }> {
  const rows = await tx
    .select({ subject: signInThrottle.subject, locked: sql<boolean>`coalesce(${signInThrottle.lockedUntil} > now(), false)` })
    .from(signInThrottle)
    .where(
      and(
        eq(signInThrottle.tenantId, keys.tenantId),
        or(
          and(eq(signInThrottle.subject, "account"), eq(signInThrottle.key, keys.email)),
          keys.ip ? and(eq(signInThrottle.subject, "ip"), eq(signInThrottle.key, keys.ip)) : sql`false`,
        ),
      ),
    );
  return {
    accountLocked: rows.some((row) => row.subject === "account" && row.locked),
    ipBlocked: rows.some((row) => row.subject === "ip" && row.locked),
  };
}

// Inside ON CONFLICT DO UPDATE the existing row is named by the table; the upsert is atomic, so
// concurrent failures are all counted.
const forgotten = sql`sign_in_throttle.last_failure_at < now() - make_interval(hours => ${FAILURE_MEMORY_HOURS})`;
const previousFailures = sql`(case when ${forgotten} then 0 else sign_in_throttle.failures end)`;
const previousLockouts = sql`(case when ${forgotten} then 0 else sign_in_throttle.lockouts end)`;
const trips = sql`(${previousFailures} + 1 >= ${ACCOUNT_FAILURE_LIMIT})`;
const ipWindowOver = sql`sign_in_throttle.last_failure_at < now() - make_interval(mins => ${IP_WINDOW_MINUTES})`;
const ipFailures = sql`(case when ${ipWindowOver} then 1 else sign_in_throttle.failures + 1 end)`;

export async function recordFailedPassword(tx: Transaction, keys: ThrottleKeys): Promise<void> {
  await tx
    .insert(signInThrottle)
    .values({ tenantId: keys.tenantId, subject: "account", key: keys.email, failures: 1, lastFailureAt: sql`now()` })
    .onConflictDoUpdate({
      target: [signInThrottle.tenantId, signInThrottle.subject, signInThrottle.key],
      set: {
        failures: sql`case when ${trips} then 0 else ${previousFailures} + 1 end`,
        lockouts: sql`case when ${trips} then ${previousLockouts} + 1 else ${previousLockouts} end`,
        lockedUntil: sql`case when ${trips}
          then now() + make_interval(mins => least(power(2, ${previousLockouts})::int, ${LOCKOUT_MAX_MINUTES}))
          else sign_in_throttle.locked_until end`,
        lastFailureAt: sql`now()`,
      },
    });
  if (!keys.ip) return;
  await tx
    .insert(signInThrottle)
    .values({ tenantId: keys.tenantId, subject: "ip", key: keys.ip, failures: 1, lastFailureAt: sql`now()` })
    .onConflictDoUpdate({
      target: [signInThrottle.tenantId, signInThrottle.subject, signInThrottle.key],
      set: {
        failures: ipFailures,
        lockedUntil: sql`case when ${ipFailures} >= ${IP_FAILURE_LIMIT}
          then now() + make_interval(mins => ${IP_WINDOW_MINUTES})
          else sign_in_throttle.locked_until end`,
        lastFailureAt: sql`now()`,
      },
    });
}

/** A successful sign-in clears the account's counters (never the IP's: one good account must not launder a spray). */
export async function clearAccountFailures(tx: Transaction, keys: ThrottleKeys): Promise<void> {
  await tx
    .update(signInThrottle)
    .set({ failures: 0, lockouts: 0, lockedUntil: null })
    .where(
      and(
        eq(signInThrottle.tenantId, keys.tenantId),
        eq(signInThrottle.subject, "account"),
        eq(signInThrottle.key, keys.email),
      ),
    );
}
