import { sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";

/** Where a chain broke: a seal's number, or null when the fault is an event with no seal at all (then `eventId` names one). */
export type ChainBreak = { seq: number | null; eventId: string | null; problem: string };
export type ChainReport = { checked: number; broken: null | ChainBreak };

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
    broken: row!.problem ? { seq: row!.broken_seq === null ? null : Number(row!.broken_seq), eventId: row!.broken_id, problem: row!.problem } : null,
  };
}

/** The break in one line, for job results and the command line. */
export function chainProblem(broken: ChainBreak): string {
  return broken.seq === null ? broken.problem : `event ${broken.seq}: ${broken.problem}`;
}
