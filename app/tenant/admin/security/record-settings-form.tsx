"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId } from "react";
import { updateRecordsInput } from "@/server/trpc/routers/tenantSettings/records.schema";
import { useTRPC } from "@/server/trpc/react";
import { useSettingsDraft } from "../use-settings-draft";

type Draft = { breakGlassMinutes: string; searchMinAttributes: string };

const toNumber = (text: string) => (text.trim() === "" ? undefined : Number(text));
const toDraft = (stored: { breakGlassMinutes: number; searchMinAttributes: number }): Draft => ({
  breakGlassMinutes: String(stored.breakGlassMinutes),
  searchMinAttributes: String(stored.searchMinAttributes),
});

/** How long breaking the glass lasts and how much a wide search must know; saving is audited. */
export function RecordSettingsForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const current = useQuery(trpc.tenantSettings.records.queryOptions());
  const save = useMutation(
    trpc.tenantSettings.updateRecords.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.tenantSettings.records.queryKey() }),
    }),
  );
  const { draft, errors, saved, update, submit } = useSettingsDraft({
    stored: current.data,
    toDraft,
    schema: updateRecordsInput,
    fromDraft: (d: Draft) => ({ breakGlassMinutes: toNumber(d.breakGlassMinutes), searchMinAttributes: toNumber(d.searchMinAttributes) }),
    save: (value) => save.mutateAsync(value),
  });
  const minutesId = useId();
  const attributesId = useId();

  if (current.isError) return <p role="alert" className="mt-2 text-red-700">Could not load the record settings: {current.error.message}</p>;
  if (!draft) return <p className="mt-2 text-slate-500">Loading record settings…</p>;

  const input = (id: string, key: keyof Draft, min: number, max: number) => (
    <input
      id={id}
      type="number"
      min={min}
      max={max}
      value={draft[key]}
      onChange={(e) => update({ [key]: e.target.value })}
      aria-invalid={errors[key] ? true : undefined}
      aria-describedby={`${id}-explanation${errors[key] ? ` ${id}-error` : ""}`}
      className="mt-1 block w-28 rounded-md border border-slate-300 bg-white px-2 py-1.5 aria-invalid:border-red-600"
    />
  );
  const error = (id: string, key: keyof Draft) =>
    errors[key] && (
      <p id={`${id}-error`} className="mt-1 text-red-800">
        {errors[key]}
      </p>
    );

  return (
    <form onSubmit={submit} noValidate className="mt-3 space-y-5 rounded-lg border border-slate-200 bg-white p-4 text-sm" aria-label="Record settings">
      <div>
        <label htmlFor={minutesId} className="font-medium">
          Breaking the glass lasts (minutes)
        </label>
        {input(minutesId, "breakGlassMinutes", 1, 1440)}
        <p id={`${minutesId}-explanation`} className="mt-1 max-w-prose text-slate-500">
          How long someone may read a protected program&apos;s record after breaking the glass, unless the program sets its own
          duration. 1 to 1440 (24 hours); the default is 180 (3 hours). Access already granted keeps its end time.
        </p>
        {error(minutesId, "breakGlassMinutes")}
      </div>
      <div>
        <label htmlFor={attributesId} className="font-medium">
          Searchable attributes needed to search beyond the capture scope
        </label>
        {input(attributesId, "searchMinAttributes", 1, 5)}
        <p id={`${attributesId}-explanation`} className="mt-1 max-w-prose text-slate-500">
          To find people outside their capture scope without an identifying attribute (such as a national ID), a user must fill in
          at least this many searchable attributes. 1 to 5; the default is 2. More makes browsing for strangers harder.
        </p>
        {error(attributesId, "searchMinAttributes")}
      </div>
      {save.error && (
        <p role="alert" className="text-red-800">
          {save.error.message}
        </p>
      )}
      {saved && (
        <p role="status" className="text-canopy-900">
          Saved. New break-the-glass grants and searches follow these settings.
        </p>
      )}
      <button type="submit" disabled={save.isPending} className="rounded-md bg-canopy-600 px-4 py-1.5 font-medium text-white hover:bg-canopy-700 disabled:opacity-60">
        {save.isPending ? "Saving…" : "Save record settings"}
      </button>
    </form>
  );
}
