"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/server/trpc/react";
import { ERASURE_GROUNDS } from "@/server/trpc/routers/privacy/privacy.schema";
import { Modal } from "../modal";

const GROUND_WORDS: Record<(typeof ERASURE_GROUNDS)[number], string> = {
  no_longer_necessary: "No longer necessary for the purpose it was collected for",
  consent_withdrawn: "Consent withdrawn",
  objection: "The person objects to the processing",
  unlawfully_processed: "Processed unlawfully",
  legal_obligation: "Erasure required by law",
  child_consent: "Collected from a child for an online service",
};

/**
 * Data-protection actions on a record: download everything held about the person (subject access,
 * portability) and erase their identifying data on a lawful request. Both are audited.
 */
export function PrivacyActions(props: { personId: string; canExport: boolean; canErase: boolean; onErased: () => void }) {
  const trpc = useTRPC();
  const exportPerson = useMutation(trpc.privacy.exportPerson.mutationOptions());
  const [erasing, setErasing] = useState(false);
  if (!props.canExport && !props.canErase) return null;

  const download = async () => {
    const data = await exportPerson.mutateAsync({ personId: props.personId });
    const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: "application/json" }));
    const link = Object.assign(document.createElement("a"), { href: url, download: `person-${props.personId}.json` });
    link.click();
    URL.revokeObjectURL(url);
  };

  return (
    <section aria-labelledby="privacy-heading" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="privacy-heading" className="font-semibold">
        Data protection
      </h2>
      <p className="mt-1 text-sm text-slate-600">Requests from the person about their data. Each action is recorded in the audit trail.</p>
      {exportPerson.error && (
        <p role="alert" className="mt-2 text-sm text-red-800">
          {exportPerson.error.message}
        </p>
      )}
      <div className="mt-3 flex flex-wrap gap-2">
        {props.canExport && (
          <button type="button" onClick={download} disabled={exportPerson.isPending} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-50">
            {exportPerson.isPending ? "Preparing…" : "Download all data (JSON)"}
          </button>
        )}
        {props.canErase && (
          <button type="button" onClick={() => setErasing(true)} className="rounded-md border border-red-300 px-3 py-1.5 text-sm text-red-800 hover:bg-red-50">
            Erase identifying data…
          </button>
        )}
      </div>
      {erasing && <EraseDialog personId={props.personId} onClose={() => setErasing(false)} onErased={props.onErased} />}
    </section>
  );
}

function EraseDialog(props: { personId: string; onClose: () => void; onErased: () => void }) {
  const trpc = useTRPC();
  const erase = useMutation(trpc.privacy.erasePerson.mutationOptions());
  const [ground, setGround] = useState<(typeof ERASURE_GROUNDS)[number] | "">("");
  const [note, setNote] = useState("");
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!ground) return;
    await erase.mutateAsync({ personId: props.personId, ground, note });
    props.onClose();
    props.onErased();
  };
  return (
    <Modal title="Erase this person's identifying data" onClose={props.onClose}>
      <form onSubmit={(event) => void submit(event).catch(() => undefined)} className="mt-2 space-y-3 text-sm">
        <p>
          Names, identifiers and every other identifying or searchable value are deleted for good. Enrolments and events stay, without a
          name, so that counts remain right. This cannot be undone.
        </p>
        <label className="block">
          <span className="font-medium">Legal ground</span>
          <select required value={ground} onChange={(e) => setGround(e.target.value as typeof ground)} className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5">
            <option value="">Choose…</option>
            {ERASURE_GROUNDS.map((key) => (
              <option key={key} value={key}>
                {GROUND_WORDS[key]}
              </option>
            ))}
          </select>
        </label>
        <label className="block">
          <span className="font-medium">Request reference or note</span>
          <input required minLength={10} value={note} onChange={(e) => setNote(e.target.value)} className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5" />
          <span className="text-slate-500">At least 10 characters; no personal data.</span>
        </label>
        {erase.error && (
          <p role="alert" className="text-red-800">
            {erase.error.message}
          </p>
        )}
        <div className="flex gap-2">
          <button type="submit" disabled={erase.isPending || !ground} className="rounded-md bg-red-700 px-4 py-1.5 font-medium text-white hover:bg-red-800 disabled:opacity-60">
            Erase
          </button>
          <button type="button" autoFocus onClick={props.onClose} className="rounded-md px-3 py-1.5 underline">
            Cancel
          </button>
        </div>
      </form>
    </Modal>
  );
}
