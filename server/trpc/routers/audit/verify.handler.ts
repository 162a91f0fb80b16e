import { verifyChain } from "@/server/audit/verify-chain";
import { auditAction } from "@/server/trpc/audit";
import { ensureCan, type ProtectedContext } from "@/server/trpc/init";

/**
 * Recomputes the tenant's hash chains (one per lane) and reports the first broken link, if any. Audited, so the
 * trail shows who vouched for it, when, and what they found.
 */
export async function verifyHandler({ ctx }: { ctx: ProtectedContext }) {
  ensureCan(ctx, "read", "auditLog");
  const report = await verifyChain(ctx.db, ctx.tenant.id);
  await auditAction(ctx, {
    action: "audit.verified",
    subjectType: "auditLog",
    details: { checked: report.checked, broken: report.broken !== null, brokenLane: report.broken?.lane ?? null, brokenSeq: report.broken?.seq ?? null },
  });
  return report;
}
