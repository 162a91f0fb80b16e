import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { auditEvent, userAccount } from "@/db/schema";
import { describeBrowser } from "@/server/auth/browser";
import { auditAction } from "@/server/trpc/audit";
import { ensureCan, type ProtectedContext } from "@/server/trpc/init";
import { afterCursorRow, decodeTimeCursor, encodeTimeCursor } from "@/server/trpc/keyset";
import type { AttemptsInput } from "./attempts.schema";

/** Sign-in and second-factor attempts, newest first, from the audit trail. */
export async function attemptsHandler({ ctx, input }: { ctx: ProtectedContext; input: AttemptsInput }) {
  ensureCan(ctx, "manageSecurity", "tenantSettings");
  const after = input.cursor ? decodeTimeCursor(input.cursor) : null;
  const rows = await ctx.db
    .select({
      id: auditEvent.id,
      at: auditEvent.occurredAt,
      action: auditEvent.action,
      outcome: auditEvent.outcome,
      email: sql<string | null>`coalesce(${auditEvent.details}->>'email', ${userAccount.email})`,
      reason: sql<string | null>`${auditEvent.details}->>'reason'`,
      userName: userAccount.displayName,
      ip: auditEvent.ip,
      userAgent: auditEvent.userAgent,
    })
    .from(auditEvent)
    .leftJoin(userAccount, and(eq(userAccount.tenantId, auditEvent.tenantId), eq(userAccount.id, auditEvent.actorUserId)))
    .where(
      and(
        eq(auditEvent.tenantId, ctx.tenant.id),
        inArray(auditEvent.action, ["sign_in", "sign_in.second_factor"]),
        input.outcome ? eq(auditEvent.outcome, input.outcome) : undefined,
        input.email ? sql`${auditEvent.details}->>'email' = ${input.email}` : undefined,
        input.ip ? eq(auditEvent.ip, input.ip) : undefined,
        after ? afterCursorRow("audit_event", "audit_event", "occurred_at", ctx.tenant.id, after) : undefined,
      ),
    )
    .orderBy(desc(auditEvent.occurredAt), desc(auditEvent.id))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit).map(({ userAgent, ...row }) => ({ ...row, browser: describeBrowser(userAgent) }));
  // Addresses, names and IPs of people signing in were shown; the email and IP filters are
  // themselves personal, so only whether they were used is kept.
  await auditAction(ctx, {
    action: "security.attemptsListed",
    subjectType: "signInAttempt",
    details: {
      filters: { outcome: input.outcome ?? null, email: Boolean(input.email), ip: Boolean(input.ip), nextPage: Boolean(input.cursor) },
      resultCount: page.length,
    },
  });
  return { attempts: page, next: rows.length > input.limit ? encodeTimeCursor(page.at(-1)!) : null };
}
