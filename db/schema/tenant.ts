import { sql } from "drizzle-orm";
import { bigint, check, jsonb, pgEnum, pgPolicy, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

export const tenantStatus = pgEnum("tenant_status", ["active", "suspended"]);

/** Tenant-wide settings; later issues add security policy, break-the-glass duration, etc. */
export type TenantSettings = Record<string, unknown>;

/**
 * A tenant is found by the SECURITY DEFINER function `resolve_tenant(slug)`; the runtime role
 * can otherwise only see the tenant its transaction is bound to, so it can never list tenants.
 */
export const tenant = pgTable(
  "tenant",
  {
    id: uuid().primaryKey().defaultRandom(),
    slug: text().notNull().unique(),
    name: text().notNull(),
    status: tenantStatus().notNull().default("active"),
    settings: jsonb().$type<TenantSettings>().notNull().default({}),
    /**
     * Counts changes to the tenant's metadata (types, attributes, programs, their attributes,
     * stages, data elements) and to its settings, raised by triggers on those tables and on this
     * column's neighbour `settings` (db/migrations/0057); requests read it when they are bound,
     * and a process keeps what it read at one version until it changes
     * (server/records/metadata-cache.ts).
     */
    metadataVersion: bigint({ mode: "number" }).notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("tenant_slug_format", sql`${t.slug} ~ '^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$'`),
    pgPolicy("tenant_self", {
      for: "all",
      to: "public",
      using: sql`id = (select app_current_tenant_id())`,
      withCheck: sql`id = (select app_current_tenant_id())`,
    }),
  ],
);
