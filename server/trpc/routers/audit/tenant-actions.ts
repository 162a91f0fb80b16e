import { sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";

/**
 * The distinct action names in a tenant's trail, in order. A loose index scan on audit_by_action
 * (one index probe per distinct name, each starting after the last) instead of `select distinct`,
 * which would read every event the tenant ever recorded.
 */
export async function tenantActions(db: Transaction, tenantId: string): Promise<string[]> {
  const rows = await db.execute<{ action: string }>(sql`
    with recursive found(action) as (
      (select a.action from audit_event a where a.tenant_id = ${tenantId} order by a.action limit 1)
      union all
      select (select a.action from audit_event a where a.tenant_id = ${tenantId} and a.action > found.action order by a.action limit 1)
      from found where found.action is not null
    )
    select action from found where action is not null`);
  return rows.map((row) => row.action);
}
