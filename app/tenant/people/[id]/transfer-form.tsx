"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { transferInput } from "@/server/trpc/routers/record/record.schema";
import { useTRPC } from "@/server/trpc/react";
import type { PickedUnit } from "../../admin/users/org-unit-picker";
import { serverFieldErrors } from "../field-errors";
import type { RecordProgram } from "../record-types";
import { UnitField } from "../unit-field";
import { useRefreshRecord } from "./use-record";

/**
 * Hands the program's record to another owner, with a reason. If the caller cannot see it from
 * there, the page cannot show it any more: say so on the search page.
 */
export function TransferForm({ personId, program }: { personId: string; program: RecordProgram }) {
  const trpc = useTRPC();
  const router = useRouter();
  const refresh = useRefreshRecord(personId);
  const transfer = useMutation(trpc.record.transfer.mutationOptions());
  const [open, setOpen] = useState(false);
  const [unit, setUnit] = useState<PickedUnit | null>(null);
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<{ unit?: string; reason?: string }>({});
  const [done, setDone] = useState<string | null>(null);
  const reasonId = useId();

  if (!open) {
    return (
      <div className="text-sm">
        {done && (
          <p role="status" className="mb-2 text-canopy-900">
            {done}
          </p>
        )}
        <button type="button" onClick={() => setOpen(true)} className="rounded-md border border-slate-300 px-3 py-1.5 font-medium hover:bg-slate-50">
          Transfer ownership
        </button>
      </div>
    );
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // The server's own rule for the reason, so the message is the one it would give.
    const checked = transferInput.shape.reason.safeParse(reason);
    const found = {
      unit: unit ? undefined : "Choose the unit that will own the record.",
      reason: checked.success ? undefined : checked.error.issues[0]!.message,
    };
    setErrors(found);
    transfer.reset();
    if (!unit || !checked.success) return;
    transfer.mutate(
      { personId, programId: program.programId, toUnitId: unit.id, reason: checked.data },
      {
        onSuccess: async (result) => {
          if (!result.stillVisible) return router.push("/people?notice=transferred");
          await refresh();
          setDone(`${program.programName} is now owned by ${result.ownerUnitName}.`);
          setOpen(false);
          setUnit(null);
          setReason("");
        },
      },
    );
  }

  const reasonError = errors.reason ?? serverFieldErrors(transfer.error).reason;
  return (
    <form onSubmit={submit} noValidate aria-label={`Transfer ${program.programName}`} className="space-y-3 rounded-md border border-slate-300 p-3">
      <h3 className="font-medium">Transfer ownership of {program.programName}</h3>
      <p className="text-sm text-slate-600">
        The new owner decides who can see and change this program&apos;s record. You may lose access if it is outside your scopes.
      </p>
      <UnitField label="New owner" value={unit} onChange={setUnit} error={errors.unit} />
      <div className="text-sm">
        <label htmlFor={reasonId} className="font-medium">
          Reason for the transfer
        </label>
        <textarea
          id={reasonId}
          rows={2}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          aria-invalid={reasonError ? true : undefined}
          className="mt-1 w-full rounded-md border border-slate-300 px-3 py-1.5"
        />
        <p className={reasonError ? "text-red-800" : "text-slate-500"}>{reasonError ?? "At least 10 characters; kept in the ownership history."}</p>
      </div>
      {transfer.error && !serverFieldErrors(transfer.error).reason && (
        <p role="alert" className="text-sm text-red-800">
          {transfer.error.message}
        </p>
      )}
      <div className="flex gap-2">
        <button type="submit" disabled={transfer.isPending} className="rounded-md bg-canopy-600 px-4 py-1.5 text-sm font-medium text-white hover:bg-canopy-700 disabled:opacity-60">
          {transfer.isPending ? "Transferring…" : "Transfer"}
        </button>
        <button type="button" onClick={() => setOpen(false)} className="rounded-md px-3 py-1.5 text-sm underline">
          Cancel
        </button>
      </div>
    </form>
  );
}
