/** Each statement's result, in the order the statements were given. */
type Results<T extends readonly unknown[]> = { -readonly [K in keyof T]: Awaited<T[K]> };

/** The results in order, or the first failure in order. */
function inOrderOrFirstFailure(settled: PromiseSettledResult<unknown>[]): unknown[] {
  const failed = settled.find((result) => result.status === "rejected");
  if (failed) throw failed.reason;
  return settled.map((result) => (result as PromiseFulfilledResult<unknown>).value);
}

/**
 * Awaits statements sent together on one transaction (postgres.js pipelines a transaction's
 * concurrent statements, and PostgreSQL runs them in the order sent) and answers their results in
 * order, or the first failure in order — but only once every one has settled. Promise.all rejects
 * at the first failure while the others are still running, so the transaction would end with a
 * chain of them still to send a statement; postgres.js would then send it on the connection after
 * the transaction, where the pool may have handed that connection to another request.
 */
export async function pipelined<const T extends readonly unknown[]>(statements: T): Promise<Results<T>> {
  return inOrderOrFirstFailure(await Promise.allSettled(statements)) as Results<T>;
}

/**
 * A read sent together with others (Promise.allSettled, one round trip), taken where the check
 * that needs it is made: its value, or its failure thrown there — so that the checks' verdicts
 * come in the order they are written, whatever order the reads failed in.
 */
export function valueOf<T>(read: PromiseSettledResult<T>): T {
  if (read.status === "rejected") throw read.reason;
  return read.value;
}

/**
 * Statements that build on each other's rows (a person, then their values, then their
 * enrolment), sent without waiting for each answer but in the order given: a capture's writes
 * cost one round trip instead of one each. Each is started only once the one before it has been
 * handed to the connection — starting a drizzle or postgres.js statement queues it from
 * microtasks, and every microtask runs before the next turn of the event loop (setImmediate) — so
 * the connection sends them, and PostgreSQL runs them, in this order. Each failure is caught as
 * it happens (none goes unhandled while later ones start); after one, the statements behind it
 * fail too (the transaction is aborted) and the first failure is the one reported, once all have
 * settled, as with `pipelined`.
 */
export async function inOrder(statements: readonly (() => PromiseLike<unknown>)[]): Promise<unknown[]> {
  const settling: Promise<PromiseSettledResult<unknown>>[] = [];
  for (const start of statements) {
    settling.push(
      Promise.resolve()
        .then(start)
        .then(
          (value): PromiseSettledResult<unknown> => ({ status: "fulfilled", value }),
          (reason: unknown): PromiseSettledResult<unknown> => ({ status: "rejected", reason }),
        ),
    );
    await new Promise((resolve) => setImmediate(resolve));
  }
  return inOrderOrFirstFailure(await Promise.all(settling));
}
