import { sql } from "drizzle-orm";
import { foreignKey, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { tenantIsolation, tenantKey } from "./rls";
import { userAccount } from "./user";

/**
 * Append-only audit trail, written in the same transaction as what it records. The runtime role
 * may only INSERT and SELECT, and a trigger refuses UPDATE, DELETE and TRUNCATE for everyone.
 */
export const auditEvent = pgTable(
  "audit_event",
  {
    ...tenantKey(),
    occurredAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    actorUserId: uuid(),
    action: text().notNull(),
    subjectType: text(),
    subjectId: text(),
    outcome: text().notNull().default("success"),
    ip: text(),
    userAgent: text(),
    details: jsonb().$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.actorUserId], foreignColumns: [userAccount.tenantId, userAccount.id] }),
    index().on(t.tenantId, t.occurredAt),
    // "Who accessed this record": a subject's history, newest first.
    index("audit_subject").on(t.tenantId, t.subjectType, t.subjectId, t.occurredAt),
    // Sign-in history by email, address and user: lockout flags and the Security page read these.
    index("audit_sign_in_email").on(t.tenantId, sql`(details->>'email')`, t.occurredAt).where(sql`action = 'sign_in'`),
    index("audit_sign_in_ip").on(t.tenantId, t.ip, t.occurredAt).where(sql`action = 'sign_in'`),
    index("audit_sign_in_actor").on(t.tenantId, t.actorUserId, t.occurredAt).where(sql`action = 'sign_in'`),
    tenantIsolation(),
  ],
);
