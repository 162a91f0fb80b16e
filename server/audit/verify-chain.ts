import { sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { sealLabel } from "./seal-label";

/**
 * Where the trail broke: a seal's lane and number; the lane alone when a lane's end is missing
 * (`seq` is then the first number missing); neither when the fault is an event with no seal at
 * all (then `eventId` names one).
 */
export type ChainBreak = { lane: number | null; seq: number | null; eventId: string | null; problem: string };
export type ChainReport = { checked: number; broken: null | ChainBreak };

/**
 * Recomputes a tenant's audit chains, lane by lane, in the database (audit_verify_chain) and
 * reports the first broken link, or none. Runs in the caller's transaction, bound to that tenant.
 */
export async function verifyChain(tx: Transaction, tenantId: string): Promise<ChainReport> {
  const [row] = await tx.execute<{ checked: string | number; broken_lane: number | null; broken_seq: string | number | null; broken_id: string | null; problem: string | null }>(
    sql`select * from audit_verify_chain(${tenantId}::uuid)`,
  );
  return {
    checked: Number(row!.checked),
    broken: row!.problem
      ? { lane: row!.broken_lane, seq: row!.broken_seq === null ? null : Number(row!.broken_seq), eventId: row!.broken_id, problem: row!.problem }
      : null,
  };
}

/** The break in one line, for job results and the command line. */
export function chainProblem(broken: ChainBreak): string {
  const at = sealLabel(broken);
  return at === null ? broken.problem : `event ${at}: ${broken.problem}`;
}
