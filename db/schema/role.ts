import { sql } from "drizzle-orm";
import { boolean, foreignKey, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { tenantIsolation, tenantKey, timestamps } from "./rls";
import { tenant } from "./tenant";
import { userAccount } from "./user";

/**
 * A named set of permissions ("action:subject", from server/access/permissions.ts). System roles
 * carry a `key` and exist in every tenant; custom roles have none.
 */
export const role = pgTable(
  "role",
  {
    ...tenantKey(),
    key: text(),
    name: text().notNull(),
    description: text().notNull().default(""),
    permissions: text().array().notNull().default(sql`'{}'::text[]`),
    system: boolean().notNull().default(false),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId], foreignColumns: [tenant.id] }),
    uniqueIndex().on(t.tenantId, t.key),
    uniqueIndex().on(t.tenantId, t.name),
    tenantIsolation(),
  ],
);

/** Which users hold which roles; a user's permissions are the union over their roles. */
export const userRole = pgTable(
  "user_role",
  {
    ...tenantKey(),
    userId: uuid().notNull(),
    roleId: uuid().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.userId], foreignColumns: [userAccount.tenantId, userAccount.id] }),
    foreignKey({ columns: [t.tenantId, t.roleId], foreignColumns: [role.tenantId, role.id] }),
    uniqueIndex().on(t.tenantId, t.userId, t.roleId),
    index().on(t.tenantId, t.roleId),
    tenantIsolation(),
  ],
);
