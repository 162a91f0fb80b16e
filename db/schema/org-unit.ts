import { sql } from "drizzle-orm";
import {
  check,
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { ltree, tenantIsolation, tenantKey, textC, timestamps } from "./rls";
import { tenant } from "./tenant";

/**
 * The organisation-unit tree. `path` (ltree of id labels, root first) and `level` (root = 1) are
 * maintained by triggers in the database: callers never write them, a move rewrites the whole
 * subtree in the same transaction, and a move under one's own descendant is refused.
 */
export const orgUnit = pgTable(
  "org_unit",
  {
    ...tenantKey(),
    parentId: uuid(),
    name: text().notNull(),
    code: text(),
    // Overwritten by the org_unit_set_path trigger on every insert and parent change.
    level: integer().notNull().default(0),
    path: ltree().notNull().default(sql`''`),
    // The path as byte-wise text: a subtree is the key range [path, path || '/') (labels are hex,
    // '/' follows '.'), read from a B-tree with leakproof operators, which RLS lets use an index.
    pathKey: textC().generatedAlwaysAs(sql`path::text`),
    openingDate: date(),
    closedDate: date(),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId], foreignColumns: [tenant.id] }),
    foreignKey({ columns: [t.tenantId, t.parentId], foreignColumns: [t.tenantId, t.id] }),
    index().on(t.tenantId, t.parentId),
    uniqueIndex().on(t.tenantId, t.code),
    index("org_unit_path_gist").using("gist", t.path),
    // Also INCLUDE (id), added by db/migrations/0026 (drizzle cannot declare it): scope unit sets
    // are then read from the index alone.
    index().on(t.tenantId, t.pathKey),
    check("org_unit_name_not_blank", sql`length(btrim(${t.name})) > 0`),
    check("org_unit_dates_ordered", sql`${t.closedDate} is null or ${t.openingDate} is null or ${t.closedDate} >= ${t.openingDate}`),
    tenantIsolation(),
  ],
);

/** Human names for the levels of a tenant's tree (National, District, Chiefdom, Facility…). */
export const orgUnitLevel = pgTable(
  "org_unit_level",
  {
    ...tenantKey(),
    level: integer().notNull(),
    name: text().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId], foreignColumns: [tenant.id] }),
    uniqueIndex().on(t.tenantId, t.level),
    check("org_unit_level_positive", sql`${t.level} >= 1`),
    tenantIsolation(),
  ],
);

/** Named sets of units across the tree ("Hospitals", "Private clinics"). */
export const orgUnitGroup = pgTable(
  "org_unit_group",
  {
    ...tenantKey(),
    name: text().notNull(),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId], foreignColumns: [tenant.id] }),
    uniqueIndex().on(t.tenantId, t.name),
    tenantIsolation(),
  ],
);

export const orgUnitGroupMember = pgTable(
  "org_unit_group_member",
  {
    ...tenantKey(),
    groupId: uuid().notNull(),
    orgUnitId: uuid().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.groupId], foreignColumns: [orgUnitGroup.tenantId, orgUnitGroup.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.tenantId, t.orgUnitId], foreignColumns: [orgUnit.tenantId, orgUnit.id] }).onDelete("cascade"),
    uniqueIndex().on(t.tenantId, t.groupId, t.orgUnitId),
    index().on(t.tenantId, t.orgUnitId),
    tenantIsolation(),
  ],
);
