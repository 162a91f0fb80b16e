import { auditAction, type ActionEntry } from "@/server/trpc/audit";
import type { ProtectedContext } from "@/server/trpc/init";

type RecordFacts = Pick<ActionEntry, "programId" | "orgUnitId" | "reason" | "changes">;

/**
 * Audits an action on a person's record. Program, unit and reason go to their own columns (the
 * Audit page filters on them); details carry ids, never attribute values.
 */
export const auditRecord = (ctx: ProtectedContext, action: string, personId: string, details: Record<string, unknown> = {}, facts: RecordFacts = {}) =>
  auditAction(ctx, { action, subjectType: "trackedEntity", subjectId: personId, personId, details, ...facts });
