import type { Database, Transaction } from "./client";
import { withTenant, type Bound, type TenantBinding } from "./tenant-transaction";

/** The three runtime roles' pools (db/schema/runtime-roles.ts). */
export type RuntimePools = { scoped: Database; wide: Database; local: Database };

export type RequestTransaction = <T>(binding: TenantBinding, work: (tx: Transaction, bound: Bound) => Promise<T>) => Promise<T>;

export type Specialised = "wide" | "local";

/** The pool that serves a bound caller best, if not the scoped one. */
export function specialisedFor(bound: Pick<Bound, "readsAllRecords" | "readsByUnitSets">): Specialised | null {
  if (bound.readsAllRecords) return "wide";
  if (bound.readsByUnitSets) return "local";
  return null;
}

/** The predicted pool's binding found a caller it does not serve (any more): start over. */
class WrongPool {}

/**
 * Runs a request's transaction on the pool that serves its caller best. A caller whose last
 * binding said they read every record runs on the wide role, one whose scopes were both bound as
 * unit sets on the local role: their plans carry none of the scope checks such callers never
 * need (db/migrations/0040, 0043). Everyone else, and every request without a user, runs on the
 * scoped role.
 *
 * Which pool is a prediction, never a permission: each specialised role admits people and
 * ownerships only by the rule it was made for, so a wrong guess can hide records but never show
 * one. It is checked before any work is done: if the binding on the predicted pool says the
 * caller is not one it serves (a role or scope changed), that transaction is rolled back and the
 * request runs on the scoped pool. A caller who newly qualifies moves from their next request.
 */
export function requestTransactions(pools: RuntimePools): RequestTransaction {
  const predicted = new Map<string, Specialised>();
  return async (binding, work) => {
    const reader = binding.userId ? `${binding.tenantId}/${binding.userId}` : null;
    const pool = reader ? predicted.get(reader) : undefined;
    if (pool) {
      try {
        return await withTenant(pools[pool], binding, (tx, bound) => {
          if (specialisedFor(bound) !== pool) throw new WrongPool();
          return work(tx, bound);
        });
      } catch (error) {
        if (!(error instanceof WrongPool)) throw error;
      }
    }
    return withTenant(pools.scoped, binding, (tx, bound) => {
      if (reader) {
        const next = specialisedFor(bound);
        if (next) predicted.set(reader, next);
        else predicted.delete(reader);
      }
      return work(tx, bound);
    });
  };
}
