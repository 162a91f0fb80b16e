import { sql } from "drizzle-orm";
import { foreignKey, index, pgPolicy, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { orgUnit } from "./org-unit";
import { program } from "./program";
import { RUNTIME_ROLES } from "./runtime-roles";
import { tenantIsolation, tenantKey } from "./rls";
import { trackedEntity } from "./tracked-entity";
import { userAccount } from "./user";


/**
 * Breaking the glass: a stated reason buys one user read access to one protected (person,
 * program) until `expires_at`. A trigger sets `expires_at` from the program's (or tenant's)
 * duration, so no caller chooses its own; the ownership policy compares it with the statement's
 * clock, so access ends at that moment. The owner at the time is kept for supervisors' review.
 */
export const breakGlassGrant = pgTable(
  "break_glass_grant",
  {
    ...tenantKey(),
    userId: uuid().notNull(),
    trackedEntityId: uuid().notNull(),
    programId: uuid().notNull(),
    ownerUnitId: uuid().notNull(),
    reason: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp({ withTimezone: true }),
    reviewedAt: timestamp({ withTimezone: true }),
    reviewedBy: uuid(),
    reviewComment: text(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.userId], foreignColumns: [userAccount.tenantId, userAccount.id] }),
    foreignKey({ columns: [t.tenantId, t.trackedEntityId], foreignColumns: [trackedEntity.tenantId, trackedEntity.id] }),
    foreignKey({ columns: [t.tenantId, t.programId], foreignColumns: [program.tenantId, program.id] }),
    foreignKey({ columns: [t.tenantId, t.ownerUnitId], foreignColumns: [orgUnit.tenantId, orgUnit.id] }),
    foreignKey({ columns: [t.tenantId, t.reviewedBy], foreignColumns: [userAccount.tenantId, userAccount.id] }),
    index().on(t.tenantId, t.userId, t.trackedEntityId, t.programId, t.expiresAt),
    index().on(t.tenantId, t.createdAt),
    tenantIsolation(),
    pgPolicy("break_glass_grant_scope_read", {
      as: "restrictive",
      for: "select",
      to: RUNTIME_ROLES,
      using: sql`user_id = (select app_current_user_id())
        or (select app_has_permission('accessAllRecords:trackedEntity'))
        or ((select app_has_permission('reviewBreakGlass:trackedEntity')) and app_unit_in_capture(tenant_id, owner_unit_id))`,
    }),
    pgPolicy("break_glass_grant_scope_insert", {
      as: "restrictive",
      for: "insert",
      to: RUNTIME_ROLES,
      withCheck: sql`user_id = (select app_current_user_id())
        and (select app_has_permission('breakGlass:trackedEntity'))
        and not (select app_has_permission('accessAllRecords:trackedEntity'))
        and (app_break_glass_target(tracked_entity_id, program_id)).status = 'allowed'
        and length(btrim(reason)) >= 10`,
    }),
    pgPolicy("break_glass_grant_scope_update", {
      as: "restrictive",
      for: "update",
      to: RUNTIME_ROLES,
      using: sql`user_id = (select app_current_user_id())
        or ((select app_has_permission('reviewBreakGlass:trackedEntity')) and app_unit_in_capture(tenant_id, owner_unit_id))`,
    }),
  ],
);
