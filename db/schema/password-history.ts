import { foreignKey, index, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { tenantIsolation, tenantKey } from "./rls";
import { userAccount } from "./user";

/** Earlier passwords (argon2id hashes) so that the last N cannot be reused. */
export const passwordHistory = pgTable(
  "password_history",
  {
    ...tenantKey(),
    userId: uuid().notNull(),
    passwordHash: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.userId], foreignColumns: [userAccount.tenantId, userAccount.id] }),
    index().on(t.tenantId, t.userId, t.createdAt),
    tenantIsolation(),
  ],
);
