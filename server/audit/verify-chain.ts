import { sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";

export type ChainReport = { checked: number; broken: null | { seq: number; eventId: string | null; problem: string } };

/**
 * Recomputes a tenant's audit chain in the database (audit_verify_chain) and reports the first
 * broken link, or none. Runs in the caller's transaction, bound to that tenant.
 */
export async function verifyChain(tx: Transaction, tenantId: string): Promise<ChainReport> {
  const [row] = await tx.execute<{ checked: string | number; broken_seq: string | number | null; broken_id: string | null; problem: string | null }>(
    sql`select * from audit_verify_chain(${tenantId}::uuid)`,
  );
  return {
    checked: Number(row!.checked),
    broken: row!.problem ? { seq: Number(row!.broken_seq), eventId: row!.broken_id, problem: row!.problem } : null,
  };
}
