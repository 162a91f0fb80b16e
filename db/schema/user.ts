import { sql } from "drizzle-orm";
import { check, foreignKey, pgEnum, pgTable, primaryKey, text, uniqueIndex } from "drizzle-orm/pg-core";
import { tenantIsolation, tenantKey, timestamps } from "./rls";
import { tenant } from "./tenant";

export const userStatus = pgEnum("user_status", ["active", "disabled"]);

/** A person who signs in to one tenant. Users are disabled, never deleted: history points at them. */
export const userAccount = pgTable(
  "user_account",
  {
    ...tenantKey(),
    email: text().notNull(),
    displayName: text().notNull(),
    passwordHash: text().notNull(),
    status: userStatus().notNull().default("active"),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId], foreignColumns: [tenant.id] }),
    uniqueIndex().on(t.tenantId, t.email),
    check("user_account_email_normalized", sql`${t.email} = lower(btrim(${t.email}))`),
    tenantIsolation(),
  ],
);
