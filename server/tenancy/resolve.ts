import { sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";

export type Tenant = { id: string; slug: string; name: string };

/** The active tenant with this slug, or null. Unknown and suspended tenants look the same. */
export async function resolveTenant(db: Queryable, slug: string): Promise<Tenant | null> {
  const rows = await db.execute<Tenant>(sql`select id, slug, name from resolve_tenant(${slug})`);
  return rows[0] ?? null;
}
