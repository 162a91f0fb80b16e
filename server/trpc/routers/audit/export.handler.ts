import { auditAction } from "@/server/trpc/audit";
import { ensureCan, type ProtectedContext } from "@/server/trpc/init";
import { exportContent, exportFilename } from "./export-file";
import { EXPORT_LIMIT, type ExportInput } from "./export.schema";
import { findEvents } from "./find-events";

/**
 * The events matching the filters as a CSV or JSON file, newest first, at most EXPORT_LIMIT of
 * them (`truncated` says when more matched). Audited with what was asked for and how much left:
 * the copy leaves the system, so the trail records who took it. The export event carries the
 * person, program and unit filtered on, so it shows among that person's (program's, unit's) events.
 */
export async function exportHandler({ ctx, input }: { ctx: ProtectedContext; input: ExportInput }) {
  ensureCan(ctx, "read", "auditLog");
  const rows = await findEvents(ctx, input.filters, { after: null, limit: EXPORT_LIMIT + 1 });
  const events = rows.slice(0, EXPORT_LIMIT);
  const truncated = rows.length > EXPORT_LIMIT;
  await auditAction(ctx, {
    action: "audit.exported",
    subjectType: "auditLog",
    personId: input.filters.personId,
    programId: input.filters.programId,
    orgUnitId: input.filters.orgUnitId,
    details: { filters: input.filters, format: input.format, rowCount: events.length, truncated },
  });
  const exportedAt = new Date();
  return {
    filename: exportFilename(input.format, ctx.tenant.slug, exportedAt),
    content: exportContent(input.format, events, { exportedAt, filters: input.filters, truncated }),
    rowCount: events.length,
    truncated,
    limit: EXPORT_LIMIT,
  };
}
