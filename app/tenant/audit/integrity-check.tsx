"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { sealLabel } from "@/server/audit/seal-label";
import { useTRPC } from "@/server/trpc/react";

/** Recomputes the trail's hash chain on the server and says whether it is intact or where it breaks. */
export function IntegrityCheck() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const verify = useMutation(
    trpc.audit.verify.mutationOptions({
      // The check is itself an event.
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.audit.pathKey() }),
    }),
  );
  const report = verify.data;
  const brokenAt = report?.broken ? sealLabel(report.broken) : null;

  return (
    <div className="flex flex-wrap items-center gap-2">
      <button type="button" onClick={() => verify.mutate()} disabled={verify.isPending} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-50">
        {verify.isPending ? "Verifying…" : "Verify integrity"}
      </button>
      <p role="status" className="text-sm">
        {report &&
          (report.broken ? (
            <span className="font-medium text-red-700">
              {brokenAt === null ? `Broken: ${report.broken.problem}` : `Broken at event ${brokenAt}: ${report.broken.problem}`}
            </span>
          ) : (
            <span className="font-medium text-canopy-900">
              Intact: {report.checked.toLocaleString()} {report.checked === 1 ? "event" : "events"} verified
            </span>
          ))}
      </p>
      {verify.error && (
        <p role="alert" className="text-sm text-red-700">
          {verify.error.message}
        </p>
      )}
    </div>
  );
}
