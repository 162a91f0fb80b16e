import { recordAudit } from "@/server/audit/record";
import type { ProtectedContext } from "./init";

export type ActionEntry = {
  action: string;
  subjectType: string;
  subjectId?: string;
  details?: Record<string, unknown>;
};

/** Audits what the signed-in caller did, with their tenant, id, address and browser, in the procedure's transaction. */
export function auditAction(ctx: ProtectedContext, entry: ActionEntry): Promise<void> {
  return recordAudit(ctx.db, {
    tenantId: ctx.tenant.id,
    actorUserId: ctx.session.userId,
    ip: ctx.meta.ip,
    userAgent: ctx.meta.userAgent,
    ...entry,
  });
}
