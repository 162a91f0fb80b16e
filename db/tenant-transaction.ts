import { sql } from "drizzle-orm";
import type { Database, Transaction } from "./client";

export type TenantBinding = { tenantId: string; userId?: string | null };
/**
 * What app_bind resolved for the request: the user's permission keys, whether the user reads
 * every record (the all-records permission or a capture scope over the whole tree), and whether
 * both their scopes were bound as unit sets (each small enough, db/migrations/0027) while they do
 * not read every record — the callers the local runtime role serves. Without a user, no
 * permissions and false. And the tenant's metadata version (tenant.metadata_version), which
 * tells whether metadata a process keeps is still current (server/records/metadata-cache.ts).
 */
export type Bound = { permissions: string[]; readsAllRecords: boolean; readsByUnitSets: boolean; metadataVersion: number };

/**
 * Runs `work` in one transaction bound to a tenant (and user). app_bind (migration 0024) sets the
 * transaction-local settings the policies read (`set_config(…, true)`, from bound parameters) and
 * resolves the user's scope and permissions once for the policy helpers; all of it vanishes at
 * commit or rollback and can never leak to the next user of the pooled connection. It returns the
 * permissions it bound, so the request builds its CASL ability without asking again; the fence
 * (`offset 0`) makes the binding run before what is read from it.
 */
export function withTenant<T>(db: Database, binding: TenantBinding, work: (tx: Transaction, bound: Bound) => Promise<T>): Promise<T> {
  const userId = binding.userId ?? null;
  return db.transaction(async (tx) => {
    // The version's subquery refers to b so that it runs after app_bind has bound the tenant its
    // row-level security needs.
    const [row] = await tx.execute<{ permissions: string[]; reads_all: boolean; by_unit_sets: boolean; metadata_version: string | null }>(
      sql`select b.permissions, (${userId}::uuid is not null and app_reads_all_records()) as reads_all,
                 (${userId}::uuid is not null and app_reads_by_unit_sets()) as by_unit_sets,
                 (select t.metadata_version from tenant t where t.id = ${binding.tenantId}::uuid and b.permissions is not null) as metadata_version
            from (select app_bind(${binding.tenantId}::uuid, ${userId}::uuid) as permissions offset 0) b`,
    );
    return work(tx, {
      permissions: row!.permissions,
      readsAllRecords: row!.reads_all,
      readsByUnitSets: row!.by_unit_sets,
      // -1 for a tenant the binding cannot see (none such reaches a handler): matches no cached version.
      metadataVersion: row!.metadata_version === null ? -1 : Number(row!.metadata_version),
    });
  });
}
