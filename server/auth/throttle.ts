import { and, eq, sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { signInThrottle } from "@/db/schema";
import { IP_WINDOW_MINUTES } from "./sign-in-limits";

/**
 * Brute-force limits, on by default (Keycloak and DHIS2 ship theirs off). After FAILURE_LIMIT
 * failures an account's password — or, counted separately, its second factor — is locked for
 * 1 minute, then 2, 4, 8 and at most 15; a success resets it, and so do 12 quiet hours. An IP
 * address that fails IP_FAILURE_LIMIT passwords within IP_WINDOW_MINUTES, across any accounts,
 * is refused for the window.
 */
export const FAILURE_LIMIT = 5;
export const LOCKOUT_MAX_MINUTES = 15;
export const FAILURE_MEMORY_HOURS = 12;
export const IP_FAILURE_LIMIT = 20;

/** What a lockout counter is kept for: an email's passwords, or a user's second-factor codes. */
export type LockoutKey = { tenantId: string; subject: "account" | "second_factor"; key: string };

type ThrottleRow = { tenantId: string; subject: "account" | "second_factor" | "ip"; key: string };

const matches = (target: ThrottleRow) =>
  and(eq(signInThrottle.tenantId, target.tenantId), eq(signInThrottle.subject, target.subject), eq(signInThrottle.key, target.key));

async function lockedNow(tx: Transaction, target: ThrottleRow): Promise<boolean> {
  const [row] = await tx
    .select({ locked: sql<boolean>`coalesce(${signInThrottle.lockedUntil} > now(), false)` })
    .from(signInThrottle)
    .where(matches(target));
  return row?.locked ?? false;
}

export const isLocked = (tx: Transaction, target: LockoutKey) => lockedNow(tx, target);

export async function isIpBlocked(tx: Transaction, tenantId: string, ip: string | null): Promise<boolean> {
  return ip ? lockedNow(tx, { tenantId, subject: "ip", key: ip }) : false;
}

// Inside ON CONFLICT DO UPDATE the existing row is named by the table; the upsert is atomic, so
// concurrent failures are all counted.
const forgotten = sql`sign_in_throttle.last_failure_at < now() - make_interval(hours => ${FAILURE_MEMORY_HOURS})`;
const previousFailures = sql`(case when ${forgotten} then 0 else sign_in_throttle.failures end)`;
const previousLockouts = sql`(case when ${forgotten} then 0 else sign_in_throttle.lockouts end)`;
const trips = sql`(${previousFailures} + 1 >= ${FAILURE_LIMIT})`;
const ipWindowOver = sql`sign_in_throttle.last_failure_at < now() - make_interval(mins => ${IP_WINDOW_MINUTES})`;
const ipFailures = sql`(case when ${ipWindowOver} then 1 else sign_in_throttle.failures + 1 end)`;
const conflictTarget = [signInThrottle.tenantId, signInThrottle.subject, signInThrottle.key];

/** Counts one failure; the FAILURE_LIMIT-th locks the key for a doubling time. */
export async function recordFailure(tx: Transaction, target: LockoutKey): Promise<void> {
  await tx
    .insert(signInThrottle)
    .values({ ...target, failures: 1, lastFailureAt: sql`now()` })
    .onConflictDoUpdate({
      target: conflictTarget,
      set: {
        failures: sql`case when ${trips} then 0 else ${previousFailures} + 1 end`,
        lockouts: sql`case when ${trips} then ${previousLockouts} + 1 else ${previousLockouts} end`,
        lockedUntil: sql`case when ${trips}
          then now() + make_interval(mins => least(power(2, ${previousLockouts})::int, ${LOCKOUT_MAX_MINUTES}))
          else sign_in_throttle.locked_until end`,
        lastFailureAt: sql`now()`,
      },
    });
}

/** Counts one failed password from an address, whichever account it was for. */
export async function recordIpFailure(tx: Transaction, tenantId: string, ip: string | null): Promise<void> {
  if (!ip) return;
  await tx
    .insert(signInThrottle)
    .values({ tenantId, subject: "ip", key: ip, failures: 1, lastFailureAt: sql`now()` })
    .onConflictDoUpdate({
      target: conflictTarget,
      set: {
        failures: ipFailures,
        lockedUntil: sql`case when ${ipFailures} >= ${IP_FAILURE_LIMIT}
          then now() + make_interval(mins => ${IP_WINDOW_MINUTES})
          else sign_in_throttle.locked_until end`,
        lastFailureAt: sql`now()`,
      },
    });
}

/** A success clears its key's counters (never an IP's: one good account must not launder a spray). */
export async function clearFailures(tx: Transaction, target: LockoutKey): Promise<void> {
  await tx.update(signInThrottle).set({ failures: 0, lockouts: 0, lockedUntil: null }).where(matches(target));
}
