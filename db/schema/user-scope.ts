import { foreignKey, index, pgEnum, pgTable, primaryKey, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { orgUnit } from "./org-unit";
import { tenantIsolation, tenantKey } from "./rls";
import { userAccount } from "./user";

/**
 * The three scopes of a user on the org-unit tree. Each row is a root: it covers the unit and
 * all its descendants. Effective search = capture ∪ search; an empty analytics scope means the
 * capture scope.
 */
export const scopeKind = pgEnum("scope_kind", ["capture", "search", "analytics"]);

export const userScope = pgTable(
  "user_scope",
  {
    ...tenantKey(),
    userId: uuid().notNull(),
    kind: scopeKind().notNull(),
    orgUnitId: uuid().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.userId], foreignColumns: [userAccount.tenantId, userAccount.id] }),
    foreignKey({ columns: [t.tenantId, t.orgUnitId], foreignColumns: [orgUnit.tenantId, orgUnit.id] }),
    uniqueIndex().on(t.tenantId, t.userId, t.kind, t.orgUnitId),
    index().on(t.tenantId, t.orgUnitId),
    tenantIsolation(),
  ],
);
