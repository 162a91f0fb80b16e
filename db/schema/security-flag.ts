import { sql } from "drizzle-orm";
import { foreignKey, index, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { tenantIsolation, tenantKey } from "./rls";
import { tenant } from "./tenant";
import { userAccount } from "./user";

export const securityFlagKind = pgEnum("security_flag_kind", [
  "account_failure_burst",
  "ip_failure_burst",
  "success_after_failures",
  "new_device",
]);

/** Suspicious sign-in activity, raised in the sign-in transaction and reviewed on the Security page. */
export const securityFlag = pgTable(
  "security_flag",
  {
    ...tenantKey(),
    kind: securityFlagKind().notNull(),
    userId: uuid(),
    email: text(),
    ip: text(),
    userAgent: text(),
    details: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId], foreignColumns: [tenant.id] }),
    foreignKey({ columns: [t.tenantId, t.userId], foreignColumns: [userAccount.tenantId, userAccount.id] }),
    index().on(t.tenantId, t.createdAt.desc()),
    tenantIsolation(),
  ],
);

/** In-app messages to one user (for now: security flags for tenant admins). */
export const notification = pgTable(
  "notification",
  {
    ...tenantKey(),
    recipientId: uuid().notNull(),
    title: text().notNull(),
    body: text().notNull().default(""),
    link: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.recipientId], foreignColumns: [userAccount.tenantId, userAccount.id] }),
    index().on(t.tenantId, t.recipientId, t.createdAt.desc()),
    index("notification_unread").on(t.tenantId, t.recipientId).where(sql`read_at is null`),
    tenantIsolation(),
  ],
);
