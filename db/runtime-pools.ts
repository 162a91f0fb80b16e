import type { Database, Transaction } from "./client";
import { withTenant, type Bound, type TenantBinding } from "./tenant-transaction";

/** The two runtime roles' pools (db/schema/runtime-roles.ts). */
export type RuntimePools = { scoped: Database; wide: Database };

export type RequestTransaction = <T>(binding: TenantBinding, work: (tx: Transaction, bound: Bound) => Promise<T>) => Promise<T>;

/** The wide pool's binding found a caller who no longer reads every record: start over. */
class NotAWideReader {}

/**
 * Runs a request's transaction on the pool that serves its caller best. A caller whose last
 * binding said they read every record runs on the wide role, whose plans carry none of the
 * scope checks they would skip anyway (db/migrations/0040); everyone else, and every request
 * without a user, on the scoped role.
 *
 * Which pool is a prediction, never a permission: the wide role admits people and ownerships
 * only while the bound caller reads every record, so a wrong guess can hide records but never
 * show one. It is checked before any work is done: if the binding on the wide pool says the
 * caller no longer reads everything (a role or scope changed), that transaction is rolled back
 * and the request runs on the scoped pool. A caller newly given every record moves to the wide
 * pool from their next request.
 */
export function requestTransactions(pools: RuntimePools): RequestTransaction {
  const wideReaders = new Set<string>();
  return async (binding, work) => {
    const reader = binding.userId ? `${binding.tenantId}/${binding.userId}` : null;
    if (reader && wideReaders.has(reader)) {
      try {
        return await withTenant(pools.wide, binding, (tx, bound) => {
          if (!bound.readsAllRecords) throw new NotAWideReader();
          return work(tx, bound);
        });
      } catch (error) {
        if (!(error instanceof NotAWideReader)) throw error;
      }
    }
    return withTenant(pools.scoped, binding, (tx, bound) => {
      if (reader) {
        if (bound.readsAllRecords) wideReaders.add(reader);
        else wideReaders.delete(reader);
      }
      return work(tx, bound);
    });
  };
}
