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
 * action it records. The database numbers and seals it onto the tenant's hash chain as the
 * transaction commits; secrets are redacted here, centrally, whatever the caller passed, and a
 * before/after pair in the details becomes the event's diff (`changes`).
 */
export async function recordAudit(tx: Transaction, entry: AuditEntry): Promise<void> {
  // One convention for diffs: a `before`/`after` pair in details is the change itself.
  const { before, after, ...details } = entry.details ?? {};
  const changes = entry.changes ?? (before !== undefined || after !== undefined ? { before: asObject(before), after: asObject(after) } : null);
  await tx.insert(auditEvent).values({
    outcome: "success",
    ...entry,
    details: redactSecrets(details),
    changes: changes ? redactSecrets(changes) : null,
  });
}

const asObject = (value: unknown): Record<string, unknown> =>
  value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : value === undefined ? {} : { value };
