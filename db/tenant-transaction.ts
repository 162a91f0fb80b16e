import { sql } from "drizzle-orm";
import type { Database, Transaction } from "./client";

export type TenantBinding = { tenantId: string; userId?: string | null };

/**
 * Runs `work` in one transaction bound to a tenant (and user): the settings are transaction-local
 * (`set_config(…, true)`) and passed as bound parameters, so they vanish at commit or rollback and
 * can never leak to the next user of the pooled connection.
 */
export function withTenant<T>(db: Database, binding: TenantBinding, work: (tx: Transaction) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`select set_config('app.tenant_id', ${binding.tenantId}, true), set_config('app.user_id', ${binding.userId ?? ""}, true)`,
    );
    return work(tx);
  });
}
