import { sql } from "drizzle-orm";
import { bigint, boolean, check, foreignKey, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
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
    phone: text(),
    passwordHash: text().notNull(),
    /** Set for passwords an admin chose (new user, reset): the next sign-in must replace it. */
    passwordMustChange: boolean().notNull().default(false),
    passwordChangedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    status: userStatus().notNull().default("active"),
    /** TOTP secrets are sealed with CANOPY_SECRET_KEY (server/auth/secret-box.ts), never stored plain. */
    totpSecretSealed: text(),
    totpPendingSecretSealed: text(),
    totpEnabledAt: timestamp({ withTimezone: true }),
    /** The last accepted TOTP time step: a code for it or any earlier step is a replay. */
    totpLastStep: bigint({ mode: "number" }),
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
