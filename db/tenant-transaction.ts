import { sql } from "drizzle-orm";
import type { Database, Transaction } from "./client";

export type TenantBinding = { tenantId: string; userId?: string | null };
/** What app_bind resolved for the request: the user's permission keys (none without a user). */
export type Bound = { permissions: string[] };

/**
 * Runs `work` in one transaction bound to a tenant (and user). app_bind (migration 0024) sets the
 * transaction-local settings the policies read (`set_config(…, true)`, from bound parameters) and
 * resolves the user's scope and permissions once for the policy helpers; all of it vanishes at
 * commit or rollback and can never leak to the next user of the pooled connection. It returns the
 * permissions it bound, so the request builds its CASL ability without asking again.
 */
export function withTenant<T>(db: Database, binding: TenantBinding, work: (tx: Transaction, bound: Bound) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    const [row] = await tx.execute<{ permissions: string[] }>(
      sql`select app_bind(${binding.tenantId}::uuid, ${binding.userId ?? null}::uuid) as permissions`,
    );
    return work(tx, { permissions: row!.permissions });
  });
}
