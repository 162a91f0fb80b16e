import { TRPCError } from "@trpc/server";
import { adminDb } from "@/db/client";
import { applyRetention, type ApplyOutcome } from "@/server/jobs/retention";
import { currentPreview, loadRetentionSettings } from "@/server/jobs/retention-settings";
import { ensureCan, type ProtectedContext } from "@/server/trpc/init";
import type { ApplyRetentionInput } from "./apply.schema";

function refusal(outcome: Exclude<ApplyOutcome, { applied: true }>): string {
  switch (outcome.reason) {
    case "settings_changed":
      return "The retention settings changed since this preview. Preview again.";
    case "data_changed":
      return "What the preview counted has changed since. Preview again and check the figures.";
    case "chain_broken":
      return `The audit trail does not verify (${outcome.problem}), so nothing was deleted. Investigate before purging.`;
  }
}

/**
 * Applies the tenant's last dry run, which the caller names: nothing runs without a current
 * preview, and nothing beyond it. The work needs the owner connection (only the owner may delete
 * audit rows and write audit_purge); it runs in its own transaction, bound to this request's
 * tenant, which also records `retention.applied` with this caller as the actor — so the deletion
 * and its audit event commit together. This request's transaction writes nothing before it, so
 * the two never wait on each other.
 */
export async function applyRetentionHandler({ ctx, input }: { ctx: ProtectedContext; input: ApplyRetentionInput }) {
  ensureCan(ctx, "manageSecurity", "tenantSettings");
  const preview = currentPreview(await loadRetentionSettings(ctx.db, ctx.tenant.id));
  if (!preview || preview.at !== input.previewedAt) {
    throw new TRPCError({ code: "PRECONDITION_FAILED", message: "Preview first: apply runs only the latest preview of the current settings." });
  }
  const outcome = await applyRetention(adminDb(), ctx.tenant.id, preview, {
    actorUserId: ctx.session.userId,
    actorName: ctx.session.name,
    requestId: ctx.requestId,
    ip: ctx.meta.ip,
    userAgent: ctx.meta.userAgent,
  });
  if (!outcome.applied) throw new TRPCError({ code: "PRECONDITION_FAILED", message: refusal(outcome) });
  return outcome;
}
