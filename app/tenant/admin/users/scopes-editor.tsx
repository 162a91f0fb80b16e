"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTRPC } from "@/server/trpc/react";
import { OrgUnitPicker, type PickedUnit } from "./org-unit-picker";

type Kind = "capture" | "search" | "analytics";
const LABELS: Record<Kind, string> = { capture: "Captures in", search: "Also searches in", analytics: "Sees aggregates for" };

/** A user's three scopes, chosen on the tree, with the effective result in words. */
export function ScopesEditor({ userId, onClose }: { userId: string; onClose: () => void }) {
  const trpc = useTRPC();
  const report = useQuery(trpc.user.scopes.queryOptions({ userId }));
  const save = useMutation(trpc.user.setScopes.mutationOptions());
  const [draft, setDraft] = useState<Record<Kind, PickedUnit[]> | null>(null);
  useEffect(() => {
    if (report.data && !draft) setDraft(report.data.assigned);
  }, [report.data, draft]);

  const effective = save.data ?? report.data;
  if (!draft || !effective) return <p className="text-sm text-slate-500">Loading scopes…</p>;

  return (
    <div className="space-y-3 rounded-lg border border-slate-200 bg-slate-50 p-3 text-left" data-testid="scopes-editor">
      {(Object.keys(LABELS) as Kind[]).map((kind) => (
        <OrgUnitPicker key={kind} label={LABELS[kind]} value={draft[kind]} onChange={(units) => setDraft({ ...draft, [kind]: units })} />
      ))}
      <div className="text-sm" data-testid="effective-scopes">
        <p className="font-medium">In effect</p>
        <p>Captures in {effective.effective.capture.join("; ") || "nothing"}.</p>
        <p>Searches in {effective.effective.search.join("; ") || "nothing"} (capture and search together).</p>
        <p>
          Aggregates for {effective.effective.analytics.join("; ") || "nothing"}
          {effective.analyticsFromCapture ? " (no analytics scope set, so the capture scope)." : "."}
        </p>
      </div>
      {save.error && <p role="alert" className="text-sm text-red-800">{save.error.message}</p>}
      <div className="flex gap-2">
        <button
          type="button"
          disabled={save.isPending}
          onClick={() => save.mutate({ userId, capture: draft.capture.map((u) => u.id), search: draft.search.map((u) => u.id), analytics: draft.analytics.map((u) => u.id) })}
          className="rounded-md bg-canopy-600 px-3 py-1 text-sm font-medium text-white disabled:opacity-60"
        >
          {save.isPending ? "Saving…" : "Save scopes"}
        </button>
        <button type="button" onClick={onClose} className="text-sm underline">
          Close
        </button>
        {save.isSuccess && <span role="status" className="text-sm text-canopy-900">Saved.</span>}
      </div>
    </div>
  );
}
