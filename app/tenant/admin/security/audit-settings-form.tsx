"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId } from "react";
import { useTRPC } from "@/server/trpc/react";

/** Whether the audit trail's diffs may hold identifying values; off unless the tenant decides. Audited. */
export function AuditSettingsForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const current = useQuery(trpc.tenantSettings.audit.queryOptions());
  const save = useMutation(
    trpc.tenantSettings.updateAudit.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.tenantSettings.audit.queryKey() }),
    }),
  );
  const id = useId();
  if (current.isError) return <p role="alert" className="mt-2 text-red-700">Could not load the audit settings: {current.error.message}</p>;
  if (!current.data) return <p className="mt-2 text-slate-500">Loading audit settings…</p>;
  return (
    <div className="mt-3">
      <label htmlFor={id} className="flex max-w-prose items-start gap-2">
        <input
          id={id}
          type="checkbox"
          className="mt-1"
          checked={current.data.identifyingInDiffs}
          disabled={save.isPending}
          onChange={(event) => save.mutate({ identifyingInDiffs: event.target.checked })}
        />
        <span>
          Keep identifying values (such as a National ID or phone number) in the audit trail&apos;s before/after diffs.
          <span className="block text-sm text-slate-600">
            Off: a change to such a value is recorded as &quot;identifying value changed&quot;, so the trail itself holds no identifiers and an
            erasure removes them everywhere.
          </span>
        </span>
      </label>
      {save.error && (
        <p role="alert" className="mt-2 text-sm text-red-800">
          {save.error.message}
        </p>
      )}
    </div>
  );
}
