import { foreignKey, index, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { tenantIsolation, tenantKey } from "./rls";
import { userAccount } from "./user";

/** Single-use two-factor recovery codes, stored as SHA-256 digests (they are long and random). */
export const recoveryCode = pgTable(
  "recovery_code",
  {
    ...tenantKey(),
    userId: uuid().notNull(),
    codeHash: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    usedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.userId], foreignColumns: [userAccount.tenantId, userAccount.id] }),
    index().on(t.tenantId, t.userId),
    tenantIsolation(),
  ],
);
