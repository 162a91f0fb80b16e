import { foreignKey, integer, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { tenantIsolation, tenantKey } from "./rls";
import { tenant } from "./tenant";

export const throttleSubject = pgEnum("throttle_subject", ["account", "ip", "second_factor"]);

/**
 * Failed sign-in counters kept in PostgreSQL so that every app server sees the same count. An
 * account is keyed by the normalized email tried (known or not, so a lockout reveals nothing),
 * an IP address by its text form, a second factor by the user id.
 */
export const signInThrottle = pgTable(
  "sign_in_throttle",
  {
    ...tenantKey(),
    subject: throttleSubject().notNull(),
    key: text().notNull(),
    failures: integer().notNull().default(0),
    lockouts: integer().notNull().default(0),
    lastFailureAt: timestamp({ withTimezone: true }),
    lockedUntil: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId], foreignColumns: [tenant.id] }),
    uniqueIndex().on(t.tenantId, t.subject, t.key),
    tenantIsolation(),
  ],
);
