"use client";

import { useMutation } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { requestGrantInput } from "@/server/trpc/routers/breakGlass/breakGlass.schema";
import { useTRPC } from "@/server/trpc/react";
import { serverFieldErrors } from "./field-errors";
import { Modal } from "./modal";

type Target = { personId: string; programId: string; programName: string };

/** The "Break the glass" button of a protected record, and the dialog that asks why. */
export function BreakGlassPrompt({ target, onGranted }: { target: Target; onGranted: () => void }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(true)}
        className="rounded-md border border-amber-700 bg-white px-3 py-1.5 text-sm font-medium text-amber-900 hover:bg-amber-50"
      >
        Break the glass
      </button>
      {open && <BreakGlassDialog target={target} onClose={() => setOpen(false)} onGranted={onGranted} />}
    </>
  );
}

function BreakGlassDialog({ target, onClose, onGranted }: { target: Target; onClose: () => void; onGranted: () => void }) {
  const trpc = useTRPC();
  const request = useMutation(trpc.breakGlass.request.mutationOptions());
  const [reason, setReason] = useState("");
  const [reasonError, setReasonError] = useState<string | null>(null);
  const reasonId = useId();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // The server's own rule, so the message is the one it would give.
    const checked = requestGrantInput.shape.reason.safeParse(reason);
    if (!checked.success) return setReasonError(checked.error.issues[0]!.message);
    setReasonError(null);
    try {
      await request.mutateAsync({ personId: target.personId, programId: target.programId, reason: checked.data });
    } catch {
      return; // shown from request.error
    }
    onGranted();
    onClose();
  }

  const serverReason = request.error ? serverFieldErrors(request.error).reason : undefined;
  const shownReasonError = reasonError ?? serverReason ?? null;
  const otherError = request.error && !serverReason ? request.error.message : null;
  return (
    <Modal title="Break the glass" onClose={onClose}>
      <p className="mt-1 text-sm text-slate-600">{target.programName} · protected record</p>
      <p className="mt-3 text-sm">
        Breaking the glass gives you read access to this protected record for a limited time. Your access and everything you read will be
        logged and reviewed by a supervisor.
      </p>
      <form onSubmit={submit} noValidate className="mt-4 space-y-3">
        <div className="text-sm">
          <label htmlFor={reasonId} className="font-medium">
            Reason
          </label>
          <textarea
            id={reasonId}
            autoFocus
            rows={3}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            aria-invalid={shownReasonError ? true : undefined}
            aria-describedby={`${reasonId}-help`}
            className="mt-1 w-full rounded-md border border-slate-300 px-3 py-1.5 aria-invalid:border-red-700"
          />
          <p id={`${reasonId}-help`} aria-live="polite" className={shownReasonError ? "text-red-800" : "text-slate-500"}>
            {shownReasonError ?? "Say why you need this record now: at least 10 characters."}
          </p>
        </div>
        {otherError && (
          <p role="alert" className="text-sm text-red-800">
            {otherError}
          </p>
        )}
        <div className="flex flex-wrap gap-2">
          <button type="submit" disabled={request.isPending} className="rounded-md bg-amber-700 px-4 py-1.5 text-sm font-medium text-white hover:bg-amber-800 disabled:opacity-60">
            {request.isPending ? "Opening…" : "Break the glass and open record"}
          </button>
          <button type="button" onClick={onClose} className="rounded-md px-3 py-1.5 text-sm underline">
            Cancel
          </button>
        </div>
      </form>
    </Modal>
  );
}
