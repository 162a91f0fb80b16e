import { auditAction } from "@/server/trpc/audit";
import type { ProtectedContext } from "@/server/trpc/init";

/** Audits an action on a person's record; details carry ids and reasons, never attribute values. */
export const auditRecord = (ctx: ProtectedContext, action: string, personId: string, details: Record<string, unknown> = {}) =>
  auditAction(ctx, { action, subjectType: "trackedEntity", subjectId: personId, details });
