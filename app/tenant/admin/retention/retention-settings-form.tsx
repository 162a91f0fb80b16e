"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId } from "react";
import { updateRetentionInput } from "@/server/trpc/routers/retention/update.schema";
import { useTRPC } from "@/server/trpc/react";
import { useSettingsDraft } from "../use-settings-draft";

type Draft = { eventDataYears: string; auditYears: string };

// An empty field keeps the data forever; anything else goes to the schema as a number to judge.
const toYears = (text: string) => (text.trim() === "" ? null : Number(text));
const toText = (years: number | null) => (years === null ? "" : String(years));
const toDraft = (stored: { eventDataYears: number | null; auditYears: number | null }): Draft => ({
  eventDataYears: toText(stored.eventDataYears),
  auditYears: toText(stored.auditYears),
});

/** The two retention periods; saving is audited and makes the daily job wait for a new dry run. */
export function RetentionSettingsForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const current = useQuery(trpc.retention.get.queryOptions());
  const save = useMutation(
    trpc.retention.update.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.retention.get.queryKey() }),
    }),
  );
  const { draft, errors, saved, update, submit } = useSettingsDraft({
    stored: current.data,
    toDraft,
    schema: updateRetentionInput,
    fromDraft: (d: Draft) => ({ eventDataYears: toYears(d.eventDataYears), auditYears: toYears(d.auditYears) }),
    save: (value) => save.mutateAsync(value),
  });
  const eventsId = useId();
  const auditId = useId();

  if (current.isError) return <p role="alert" className="mt-2 text-red-700">Could not load the retention settings: {current.error.message}</p>;
  if (!draft) return <p className="mt-2 text-slate-500">Loading retention settings…</p>;

  const field = (id: string, key: keyof Draft, label: string, explanation: string) => (
    <div>
      <label htmlFor={id} className="font-medium">
        {label}
      </label>
      <input
        id={id}
        type="number"
        min={1}
        max={100}
        placeholder="forever"
        value={draft[key]}
        onChange={(e) => update({ [key]: e.target.value })}
        aria-invalid={errors[key] ? true : undefined}
        aria-describedby={`${id}-explanation${errors[key] ? ` ${id}-error` : ""}`}
        className="mt-1 block w-28 rounded-md border border-slate-300 bg-white px-2 py-1.5 aria-invalid:border-red-600"
      />
      <p id={`${id}-explanation`} className="mt-1 max-w-prose text-slate-500">
        {explanation}
      </p>
      {errors[key] && (
        <p id={`${id}-error`} className="mt-1 text-red-800">
          {errors[key]}
        </p>
      )}
    </div>
  );

  return (
    <form onSubmit={submit} noValidate className="mt-3 space-y-5 rounded-lg border border-slate-200 bg-white p-4 text-sm" aria-label="Retention settings">
      {field(
        eventsId,
        "eventDataYears",
        "Delete event data older than (years)",
        "Events that occurred longer ago than this are deleted for good, including deleted ones. People and their enrolments stay. 1 to 100; empty keeps events forever.",
      )}
      {field(
        auditId,
        "auditYears",
        "Purge audit events older than (years)",
        "The oldest part of the audit trail is removed, from its start up to the first newer event, so what remains still verifies. Each purge is recorded. 1 to 100; empty keeps the trail forever.",
      )}
      {save.error && (
        <p role="alert" className="text-red-800">
          {save.error.message}
        </p>
      )}
      {saved && (
        <p role="status" className="text-canopy-900">
          Saved. The daily job follows new settings only once a dry run of them has been applied.
        </p>
      )}
      <button type="submit" disabled={save.isPending} className="rounded-md bg-canopy-600 px-4 py-1.5 font-medium text-white hover:bg-canopy-700 disabled:opacity-60">
        {save.isPending ? "Saving…" : "Save retention settings"}
      </button>
    </form>
  );
}
