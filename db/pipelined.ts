/** Each statement's result, in the order the statements were given. */
type Results<T extends readonly unknown[]> = { -readonly [K in keyof T]: Awaited<T[K]> };

/**
 * Awaits statements sent together on one transaction (postgres.js pipelines a transaction's
 * concurrent statements, and PostgreSQL runs them in the order sent) and answers their results in
 * order, or the first failure in order — but only once every one has settled. Promise.all rejects
 * at the first failure while the others are still running, so the transaction would end with a
 * chain of them still to send a statement; postgres.js would then send it on the connection after
 * the transaction, where the pool may have handed that connection to another request.
 */
export async function pipelined<const T extends readonly unknown[]>(statements: T): Promise<Results<T>> {
  const settled = await Promise.allSettled(statements);
  const failed = settled.find((result) => result.status === "rejected");
  if (failed) throw failed.reason;
  return settled.map((result) => (result as PromiseFulfilledResult<unknown>).value) as Results<T>;
}
