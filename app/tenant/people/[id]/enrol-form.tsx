"use client";

import { useMutation } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { useTRPC } from "@/server/trpc/react";
import type { PickedUnit } from "../../admin/users/org-unit-picker";
import { UnitField } from "../unit-field";
import { today } from "./dates";
import { useRefreshRecord } from "./use-record";

type Program = { id: string; name: string };

/**
 * Enrols the person in a program at a unit (which then owns the record for that program). With one
 * program it is a new enrolment in a program the person was enrolled in before.
 */
export function EnrolForm({ personId, programs, defaultUnit }: { personId: string; programs: Program[]; defaultUnit: PickedUnit }) {
  const trpc = useTRPC();
  const refresh = useRefreshRecord(personId);
  const enrol = useMutation(trpc.record.enroll.mutationOptions());
  const [open, setOpen] = useState(false);
  const [programId, setProgramId] = useState(programs[0]!.id);
  const [unit, setUnit] = useState<PickedUnit | null>(defaultUnit);
  const [enrolledOn, setEnrolledOn] = useState(today);
  const [error, setError] = useState<string | null>(null);
  const dateId = useId();
  const single = programs.length === 1 ? programs[0]! : null;
  // The list shrinks after each enrolment: fall back to its first program rather than a stale choice.
  const program = programs.find((p) => p.id === programId) ?? programs[0]!;

  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50">
        {single ? `Enrol again in ${single.name}` : "Enrol in a program"}
      </button>
    );
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    enrol.reset();
    const problem = !unit ? "Choose the unit that enrols the person." : !enrolledOn ? "Enter the enrolment date." : enrolledOn > today() ? "The enrolment date cannot be in the future." : null;
    setError(problem);
    if (problem || !unit) return;
    enrol.mutate(
      { personId, programId: program.id, orgUnitId: unit.id, enrolledOn },
      { onSuccess: () => refresh().then(() => setOpen(false)) },
    );
  }

  return (
    <form onSubmit={submit} noValidate aria-label={single ? `Enrol again in ${single.name}` : "Enrol in a program"} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <h2 className="font-semibold">{single ? `Enrol again in ${single.name}` : "Enrol in a program"}</h2>
      {!single && (
        <label className="block text-sm">
          <span className="font-medium">Program</span>
          <select value={program.id} onChange={(e) => setProgramId(e.target.value)} className="mt-1 block rounded-md border border-slate-300 bg-white px-2 py-1.5">
            {programs.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <UnitField label="Enrolling unit" value={unit} onChange={setUnit} hint="It will own the person's record in this program; it must be in your capture scope." />
      <div className="text-sm">
        <label htmlFor={dateId} className="font-medium">
          Enrolment date
        </label>
        <input id={dateId} type="date" max={today()} value={enrolledOn} onChange={(e) => setEnrolledOn(e.target.value)} className="mt-1 block rounded-md border border-slate-300 px-3 py-1.5" />
      </div>
      {(error ?? enrol.error) && (
        <p role="alert" className="text-sm text-red-800">
          {error ?? enrol.error?.message}
        </p>
      )}
      <div className="flex gap-2">
        <button type="submit" disabled={enrol.isPending} className="rounded-md bg-canopy-600 px-4 py-1.5 text-sm font-medium text-white hover:bg-canopy-700 disabled:opacity-60">
          {enrol.isPending ? "Enrolling…" : "Enrol"}
        </button>
        <button type="button" onClick={() => setOpen(false)} className="rounded-md px-3 py-1.5 text-sm underline">
          Cancel
        </button>
      </div>
    </form>
  );
}
