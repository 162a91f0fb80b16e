import { foreignKey, index, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { tenantIsolation, tenantKey } from "./rls";
import { userAccount } from "./user";

/**
 * How far sign-in has got. Only `active` sessions reach tenant data; the others may do exactly
 * one thing (enter a second factor, choose a new password, enrol in two-factor) and sign out.
 */
export const sessionStage = pgEnum("session_stage", [
  "active",
  "mfa_required",
  "password_change_required",
  "mfa_enrolment_required",
]);

/**
 * Server-side sessions. The cookie holds an opaque random token; only its SHA-256 is stored, so
 * a copy of this table cannot be replayed as cookies. Deleting the row ends the session at once.
 */
export const session = pgTable(
  "session",
  {
    ...tenantKey(),
    userId: uuid().notNull(),
    tokenHash: text().notNull(),
    stage: sessionStage().notNull().default("active"),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    ip: text(),
    userAgent: text(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.userId], foreignColumns: [userAccount.tenantId, userAccount.id] }),
    uniqueIndex().on(t.tenantId, t.tokenHash),
    index().on(t.tenantId, t.userId),
    tenantIsolation(),
  ],
);
