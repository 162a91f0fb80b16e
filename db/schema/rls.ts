import { sql } from "drizzle-orm";
import { customType, pgPolicy, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * The one policy every tenant table carries: rows belong to the tenant the current transaction
 * set with `set_config('app.tenant_id', …, true)`. The helper is STABLE and wrapped in
 * `(select …)` so PostgreSQL evaluates it once per statement, not once per row. Without a
 * setting the helper returns NULL and nothing is visible or writable. FORCE ROW LEVEL SECURITY
 * is added by the hand-written migration (drizzle-kit cannot express it).
 */
export const tenantIsolation = () =>
  pgPolicy("tenant_isolation", {
    as: "permissive",
    for: "all",
    to: "public",
    using: sql`tenant_id = (select app_current_tenant_id())`,
    withCheck: sql`tenant_id = (select app_current_tenant_id())`,
  });

/**
 * A row's id, made by the database unless the caller brings one from `newRecordId()`: a UUID
 * stamped with its UTC day, so that a day's inserts share index pages (db/record-id.ts says why
 * not random and why not to the millisecond; migration 0048 defines `new_record_id()`).
 */
export const recordId = () => uuid().notNull().default(sql`new_record_id()`);

/** Every tenant table starts with these two columns; its primary key is (tenant_id, id). */
export const tenantKey = () => ({
  tenantId: uuid().notNull(),
  id: recordId(),
});

export const timestamps = () => ({
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** PostgreSQL's ltree (extension created by the first migration). */
export const ltree = customType<{ data: string }>({
  dataType: () => "ltree",
});

/** Text compared byte-wise, so prefix searches and ranges use a plain B-tree index. */
export const textC = customType<{ data: string }>({ dataType: () => `text collate "C"` });
