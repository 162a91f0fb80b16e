import { createHash, randomBytes } from "node:crypto";
import { and, eq, ne, sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { session } from "@/db/schema";
import type { SessionLimits } from "./security-policy";
import type { SessionStage } from "./stages";

/** The cookie may live as long as the longest lifetime a tenant can set; the row decides. */
export const SESSION_COOKIE_MAX_AGE_SECONDS = 168 * 60 * 60;
/** A session still signing in (second factor, new password, enrolment) must finish within this. */
export const PENDING_SESSION_SECONDS = 10 * 60;
/** last_seen_at is written at most this often, so reads do not turn every request into a write. */
export const TOUCH_AFTER_SECONDS = 60;

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

/** Marks a session seen now (server/auth/request-identity.ts decides when). */
export async function touchSession(tx: Transaction, target: { tenantId: string; sessionId: string }): Promise<void> {
  await tx
    .update(session)
    .set({ lastSeenAt: sql`now()` })
    .where(and(eq(session.tenantId, target.tenantId), eq(session.id, target.sessionId)));
}

export async function deleteSession(tx: Transaction, token: string): Promise<void> {
  await tx
    .delete(session)
    .where(and(eq(session.tenantId, sql`(select app_current_tenant_id())`), eq(session.tokenHash, hashToken(token))));
}
