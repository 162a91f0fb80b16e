import { recordAudit, type AuditEntry } from "@/server/audit/record";
import type { ProtectedContext } from "./init";

export type ActionEntry = Pick<AuditEntry, "personId" | "programId" | "orgUnitId" | "reason" | "details" | "changes"> & {
  action: string;
  subjectType: string;
  subjectId?: string;
};

/**
 * Audits what the signed-in caller did — tenant, actor id and name, request id, address and
 * browser — in the procedure's transaction.
 */
export function auditAction(ctx: ProtectedContext, entry: ActionEntry): Promise<void> {
  return recordAudit(ctx.db, {
    tenantId: ctx.tenant.id,
    actorUserId: ctx.session.userId,
    actorName: ctx.session.name,
    requestId: ctx.requestId,
    ip: ctx.meta.ip,
    userAgent: ctx.meta.userAgent,
    ...entry,
  });
}
