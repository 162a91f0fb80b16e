import type { PgInsertValue, PgTable } from "drizzle-orm/pg-core";
import type { Transaction } from "../client";

/** Rows per INSERT: few round trips, far below PostgreSQL's 65,535 bind parameters. */
const BATCH = 500;

/** Inserts rows with multi-row INSERTs, in order, so later batches may reference earlier ones. */
export async function insertInBatches<T extends PgTable>(tx: Transaction, table: T, rows: readonly PgInsertValue<T>[]): Promise<void> {
  for (let start = 0; start < rows.length; start += BATCH) {
    await tx.insert(table).values(rows.slice(start, start + BATCH));
  }
}
