"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ConfirmDialog } from "@/app/tenant/people/[id]/confirm-dialog";
import { useTRPC } from "@/server/trpc/react";

const when = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
const day = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeZone: "UTC" });
const plural = (n: number, one: string, many: string) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

type Figures = { events: number; auditEvents: number; eventsBefore: string | null; auditBefore: string | null };

/** The dry run in words: what applying it removes, period by period. */
function describe(p: Figures): string[] {
  return [
    p.eventsBefore === null ? "Event data is kept forever." : `${plural(p.events, "event", "events")} that occurred before ${day.format(new Date(p.eventsBefore))}.`,
    p.auditBefore === null
      ? "The audit trail is kept forever."
      : `${plural(p.auditEvents, "audit event", "audit events")} recorded before ${when.format(new Date(p.auditBefore))} (from the start of the trail up to the first newer event).`,
  ];
}

/** The confirmation's question, with the same figures. */
function confirmation(p: Figures): string {
  const parts = [
    p.eventsBefore !== null && `delete ${plural(p.events, "event", "events")} that occurred before ${day.format(new Date(p.eventsBefore))}`,
    p.auditBefore !== null && `purge ${plural(p.auditEvents, "audit event", "audit events")} recorded before ${when.format(new Date(p.auditBefore))}`,
  ].filter(Boolean);
  return `This will ${parts.join(" and ")}. It cannot be undone. Each purge is recorded, and the daily job keeps to these settings from now on.`;
}

/** "Preview" makes and shows the dry run; "Apply now" applies exactly it, after a confirmation that states the figures. */
export function RetentionRun() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const current = useQuery(trpc.retention.get.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.retention.get.queryKey() });
  const preview = useMutation(trpc.retention.preview.mutationOptions({ onSuccess: refresh }));
  const apply = useMutation(trpc.retention.applyNow.mutationOptions({ onSuccess: refresh }));
  const [confirming, setConfirming] = useState(false);

  if (!current.data) return current.isError ? null : <p className="mt-2 text-slate-500">Loading…</p>;
  const { eventDataYears, auditYears, runsDaily } = current.data;
  const shown = current.data.preview;
  const nothingLimited = eventDataYears === null && auditYears === null;
  const nothingToDo = shown !== null && shown.events === 0 && shown.auditEvents === 0;

  return (
    <div className="mt-3 space-y-4 rounded-lg border border-slate-200 bg-white p-4 text-sm">
      <p role="status">
        {nothingLimited
          ? "Nothing is limited: everything is kept."
          : runsDaily
            ? "A daily job (02:30 UTC) applies these settings, and records every run below."
            : "The daily job does not apply these settings yet: make a dry run and apply it."}
      </p>
      <button
        type="button"
        disabled={preview.isPending}
        onClick={() => {
          apply.reset();
          preview.mutate();
        }}
        className="rounded-md border border-slate-300 px-4 py-1.5 font-medium hover:bg-slate-50 disabled:opacity-60"
      >
        {preview.isPending ? "Counting…" : "Preview"}
      </button>
      {preview.error && (
        <p role="alert" className="text-red-800">
          {preview.error.message}
        </p>
      )}
      {shown && (
        <div data-testid="retention-preview">
          <p className="font-medium">Dry run of {when.format(new Date(shown.at))}: applying it removes</p>
          <ul className="mt-1 list-disc pl-5">
            {describe(shown).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <button
            type="button"
            disabled={nothingLimited}
            onClick={() => setConfirming(true)}
            className="mt-3 rounded-md bg-red-700 px-4 py-1.5 font-medium text-white hover:bg-red-800 disabled:opacity-60"
          >
            Apply now
          </button>
          {nothingToDo && !nothingLimited && (
            <p className="mt-1 text-slate-500">{runsDaily ? "Nothing to remove now." : "Nothing to remove now; applying starts the daily job."}</p>
          )}
        </div>
      )}
      {apply.data && (
        <p role="status" className="text-canopy-900">
          Applied: {plural(apply.data.events, "event", "events")} deleted, {plural(apply.data.auditEvents, "audit event", "audit events")} purged.
        </p>
      )}
      {confirming && shown && (
        <ConfirmDialog
          title="Delete this data for good?"
          message={confirmation(shown)}
          confirmLabel="Delete and purge"
          pending={apply.isPending}
          error={apply.error?.message ?? null}
          onConfirm={() => apply.mutate({ previewedAt: shown.at }, { onSuccess: () => setConfirming(false) })}
          onClose={() => {
            apply.reset();
            setConfirming(false);
          }}
        />
      )}
    </div>
  );
}
