import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, ne, sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { session, userAccount } from "@/db/schema";
import { DEFAULT_SECURITY_POLICY, type SessionLimits } from "./security-policy";
import type { SessionStage } from "./stages";

/** The cookie may live as long as the longest lifetime a tenant can set; the row decides. */
export const SESSION_COOKIE_MAX_AGE_SECONDS = 168 * 60 * 60;
/** A session still signing in (second factor, new password, enrolment) must finish within this. */
export const PENDING_SESSION_SECONDS = 10 * 60;
/** last_seen_at is written at most this often, so reads do not turn every request into a write. */
const TOUCH_AFTER_SECONDS = 60;

export type ActiveSession = {
  sessionId: string;
  stage: SessionStage;
  tenantId: string;
  userId: string;
  email: string;
  displayName: string;
  expiresAt: Date;
};

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

const lifetime = (stage: SessionStage, limits: SessionLimits) =>
  stage === "active" ? limits.absoluteHours * 3600 : PENDING_SESSION_SECONDS;

export async function createSession(
  tx: Transaction,
  input: { tenantId: string; userId: string; stage: SessionStage; limits: SessionLimits; ip: string | null; userAgent: string | null },
): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await tx.insert(session).values({
    tenantId: input.tenantId,
    userId: input.userId,
    tokenHash: hashToken(token),
    stage: input.stage,
    expiresAt: sql`now() + make_interval(secs => ${lifetime(input.stage, input.limits)})`,
    ip: input.ip,
    userAgent: input.userAgent,
  });
  return token;
}

/** Moves a session to its next stage; becoming active starts the full lifetime from sign-in. */
export async function advanceSession(
  tx: Transaction,
  target: { tenantId: string; sessionId: string; stage: SessionStage; limits: SessionLimits },
): Promise<void> {
  await tx
    .update(session)
    .set({
      stage: target.stage,
      expiresAt:
        target.stage === "active"
          ? sql`${session.createdAt} + make_interval(secs => ${target.limits.absoluteHours * 3600})`
          : sql`now() + make_interval(secs => ${PENDING_SESSION_SECONDS})`,
    })
    .where(and(eq(session.tenantId, target.tenantId), eq(session.id, target.sessionId)));
}

/** Ends every session of a user, or every one but `keep` (the session making the change). */
export async function endUserSessions(
  tx: Transaction,
  target: { tenantId: string; userId: string; keep?: string },
): Promise<number> {
  const ended = await tx
    .delete(session)
    .where(
      and(
        eq(session.tenantId, target.tenantId),
        eq(session.userId, target.userId),
        target.keep ? ne(session.id, target.keep) : undefined,
      ),
    )
    .returning({ id: session.id });
  return ended.length;
}

/** A session row found by its token, before the tenant's idle limit is applied. */
export type SessionCandidate = ActiveSession & { idleSeconds: number };

/**
 * The session a cookie token names in the transaction's tenant, unless it was ended, has expired
 * or its user is disabled — with how long it has been idle, for the tenant's idle limit
 * (activeSession). Apart from that limit so a request can send it without waiting for the
 * tenant's policy.
 */
export async function sessionByToken(tx: Transaction, token: string): Promise<SessionCandidate | null> {
  const [row] = await tx
    .select({
      sessionId: session.id,
      stage: session.stage,
      tenantId: session.tenantId,
      userId: session.userId,
      email: userAccount.email,
      displayName: userAccount.displayName,
      expiresAt: session.expiresAt,
      // The database's clock, as for expiry, never the app server's.
      idleSeconds: sql<number>`extract(epoch from now() - ${session.lastSeenAt})::float8`,
    })
    .from(session)
    .innerJoin(userAccount, and(eq(userAccount.tenantId, session.tenantId), eq(userAccount.id, session.userId)))
    .where(
      and(
        eq(session.tenantId, sql`(select app_current_tenant_id())`),
        eq(session.tokenHash, hashToken(token)),
        gt(session.expiresAt, sql`now()`),
        eq(userAccount.status, "active"),
      ),
    );
  return row ?? null;
}

/**
 * The candidate as a live session under the tenant's idle limit, or null when it has been idle
 * that long. Marks it seen when it was last marked over a minute ago.
 */
export async function activeSession(tx: Transaction, candidate: SessionCandidate | null, limits: SessionLimits): Promise<ActiveSession | null> {
  if (!candidate || candidate.idleSeconds >= limits.idleMinutes * 60) return null;
  const { idleSeconds, ...active } = candidate;
  if (idleSeconds > TOUCH_AFTER_SECONDS) {
    await tx
      .update(session)
      .set({ lastSeenAt: sql`now()` })
      .where(and(eq(session.tenantId, active.tenantId), eq(session.id, active.sessionId)));
  }
  return active;
}

/**
 * The live session for a cookie token in the transaction's tenant, or null when it was ended,
 * expired, idle too long, belongs to another tenant or its user is disabled.
 */
export async function findActiveSession(
  tx: Transaction,
  token: string,
  limits: SessionLimits = DEFAULT_SECURITY_POLICY.session,
): Promise<ActiveSession | null> {
  return activeSession(tx, await sessionByToken(tx, token), limits);
}

export async function deleteSession(tx: Transaction, token: string): Promise<void> {
  await tx
    .delete(session)
    .where(and(eq(session.tenantId, sql`(select app_current_tenant_id())`), eq(session.tokenHash, hashToken(token))));
}
