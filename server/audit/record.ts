import type { Transaction } from "@/db/client";
import { auditEvent } from "@/db/schema";
import { redactSecrets } from "./redact";

export type AuditEntry = {
  tenantId: string;
  actorUserId?: string | null;
  /** The actor's display name at the time (names change; the trail must not). */
  actorName?: string | null;
  action: string;
  subjectType?: string;
  subjectId?: string;
  personId?: string | null;
  programId?: string | null;
  orgUnitId?: string | null;
  reason?: string | null;
  requestId?: string | null;
  outcome?: "success" | "failure";
  ip?: string | null;
  userAgent?: string | null;
  details?: Record<string, unknown>;
  /** For changes: the fields that changed, before and after. */
  changes?: { before: Record<string, unknown>; after: Record<string, unknown> };
};

/**
 * Appends one audit event inside the caller's transaction: if the insert fails, so does the
 * action it records. The database numbers and seals it onto the tenant's hash chain; secrets are
 * redacted here, centrally, whatever the caller passed.
 */
export async function recordAudit(tx: Transaction, entry: AuditEntry): Promise<void> {
  await tx.insert(auditEvent).values({
    outcome: "success",
    ...entry,
    details: redactSecrets(entry.details ?? {}),
    changes: entry.changes ? redactSecrets(entry.changes) : null,
  });
}
