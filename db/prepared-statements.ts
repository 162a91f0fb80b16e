import type postgres from "postgres";

type Client = postgres.Sql | postgres.TransactionSql;
type Work = (tx: postgres.TransactionSql) => unknown;

/**
 * drizzle sends every statement through postgres.js's `unsafe`, unprepared unless the query was
 * built with `.prepare(name)`, so PostgreSQL parses and plans each one on every execution. Under
 * row-level security planning is most of a short statement's cost (a point read at 200k people:
 * 0.8 ms planning, 0.3 ms running), so our pools prepare every statement that has parameters:
 * postgres.js then keeps one named statement per query text per connection, and PostgreSQL can
 * reuse its plan — which the runtime role always does (migration 0032). Transactions and
 * savepoints hand drizzle a client of their own; those are wrapped the same way.
 */
export function preparingEveryStatement<T extends Client>(client: T): T {
  return new Proxy(client, {
    get(target, key, receiver) {
      const value: unknown = Reflect.get(target, key, receiver);
      if (typeof value !== "function") return value;
      if (key === "unsafe") {
        return (query: string, args?: postgres.ParameterOrJSON<never>[], options?: postgres.UnsafeQueryOptions) =>
          target.unsafe(query, args, { ...options, prepare: true });
      }
      if (key === "begin" || key === "savepoint") {
        return (...args: unknown[]) => {
          const work = args.pop() as Work;
          return (value as (...a: unknown[]) => unknown).call(target, ...args, (tx: postgres.TransactionSql) => work(preparingEveryStatement(tx)));
        };
      }
      return value;
    },
  });
}
