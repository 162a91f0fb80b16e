import { ensureCan, type ProtectedContext } from "@/server/trpc/init";
import { tenantActions } from "./tenant-actions";

/** The action names used in the tenant's trail, for the Audit page's action filter. */
export async function actionsHandler({ ctx }: { ctx: ProtectedContext }) {
  ensureCan(ctx, "read", "auditLog");
  return tenantActions(ctx.db, ctx.tenant.id);
}
