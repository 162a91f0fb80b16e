import type { Transaction } from "@/db/client";
import { auditEvent } from "@/db/schema";

export type AuditEntry = {
  tenantId: string;
  actorUserId?: string | null;
  action: string;
  subjectType?: string;
  subjectId?: string;
  outcome?: "success" | "failure";
  ip?: string | null;
  userAgent?: string | null;
  details?: Record<string, unknown>;
};

/**
 * Appends one audit event inside the caller's transaction: if the insert fails, so does the
 * action it records. Callers pass only non-secret details.
 */
export async function recordAudit(tx: Transaction, entry: AuditEntry): Promise<void> {
  await tx.insert(auditEvent).values({ outcome: "success", details: {}, ...entry });
}
