"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { useTRPC } from "@/server/trpc/react";
import type { PickedUnit } from "../../admin/users/org-unit-picker";
import { today } from "../[id]/dates";
import { FieldInput } from "../field-input";
import { checkValues, formMessage, serverFieldErrors, type FieldErrors } from "../field-errors";
import { UnitField } from "../unit-field";

/**
 * A new person: the type's attributes and the registration unit, and — for those who may enrol —
 * a first program to enrol them in there, saved together. The record page opens when saved.
 */
export function RegisterForm({ canEnrol }: { canEnrol: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const types = useQuery(trpc.program.types.queryOptions());
  const programs = useQuery({ ...trpc.program.list.queryOptions(), enabled: canEnrol });
  const register = useMutation(trpc.record.register.mutationOptions());
  const [chosenTypeId, setChosenTypeId] = useState<string | null>(null);
  const [values, setValues] = useState<Record<string, string>>({});
  const [unit, setUnit] = useState<PickedUnit | null>(null);
  const [programId, setProgramId] = useState("");
  const [enrolledOn, setEnrolledOn] = useState(today);
  const [errors, setErrors] = useState<FieldErrors>({});
  const programFieldId = useId();
  const dateFieldId = useId();

  if (types.isPending) return <p className="mt-6 text-slate-500">Loading…</p>;
  if (types.isError) return <p role="alert" className="mt-6 text-red-700">Could not load the kinds of record.</p>;
  if (types.data.length === 0) return <p className="mt-6 text-slate-500">No kinds of record are set up yet; ask your administrator.</p>;
  const type = types.data.find((t) => t.id === chosenTypeId) ?? types.data[0]!;
  const typePrograms = (programs.data ?? []).filter((p) => p.trackedEntityTypeId === type.id);
  const program = typePrograms.find((p) => p.id === programId) ?? null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = checkValues(type.attributes, values);
    if (!unit) found.unit = "Choose the unit where the person is registered.";
    if (program && !enrolledOn) found.enrolledOn = "Enter the enrolment date.";
    else if (program && enrolledOn > today()) found.enrolledOn = "The enrolment date cannot be in the future.";
    setErrors(found);
    register.reset();
    if (Object.keys(found).length || !unit) return;
    register.mutate(
      { trackedEntityTypeId: type.id, orgUnitId: unit.id, attributes: values, enrollment: program ? { programId: program.id, enrolledOn } : undefined },
      { onSuccess: ({ personId }) => router.push(`/people/${personId}`) },
    );
  }

  const serverErrors = serverFieldErrors(register.error);
  const message = formMessage(register.error, type.attributes.map((a) => a.id));
  return (
    <form onSubmit={submit} noValidate aria-label="Register a person" className="mt-6 space-y-4 rounded-lg border border-slate-200 bg-white p-4">
      {types.data.length > 1 && (
        <label className="block text-sm">
          <span className="font-medium">Kind of record</span>
          <select
            value={type.id}
            onChange={(e) => {
              setChosenTypeId(e.target.value);
              setValues({});
              setProgramId("");
              setErrors({});
            }}
            className="mt-1 block rounded-md border border-slate-300 bg-white px-2 py-1.5"
          >
            {types.data.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        {type.attributes.map((attribute) => (
          <FieldInput
            key={attribute.id}
            field={attribute}
            showRequired
            value={values[attribute.id] ?? ""}
            onChange={(value) => setValues({ ...values, [attribute.id]: value })}
            error={errors[attribute.id] ?? serverErrors[attribute.id]}
          />
        ))}
      </div>
      <UnitField
        label="Registration unit"
        value={unit}
        onChange={setUnit}
        hint="The facility where the person is registered; it must be in your capture scope."
        error={errors.unit}
      />
      {canEnrol && typePrograms.length > 0 && (
        <fieldset className="space-y-3 rounded-md border border-slate-200 p-3">
          <legend className="px-1 text-sm font-medium">First enrolment (optional)</legend>
          <div className="flex flex-wrap gap-4 text-sm">
            <div>
              <label htmlFor={programFieldId} className="font-medium">
                Program
              </label>
              <select id={programFieldId} value={program?.id ?? ""} onChange={(e) => setProgramId(e.target.value)} className="mt-1 block rounded-md border border-slate-300 bg-white px-2 py-1.5">
                <option value="">Do not enrol now</option>
                {typePrograms.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            </div>
            {program && (
              <div>
                <label htmlFor={dateFieldId} className="font-medium">
                  Enrolment date
                </label>
                <input
                  id={dateFieldId}
                  type="date"
                  max={today()}
                  value={enrolledOn}
                  onChange={(e) => setEnrolledOn(e.target.value)}
                  aria-invalid={errors.enrolledOn ? true : undefined}
                  aria-describedby={errors.enrolledOn ? `${dateFieldId}-error` : undefined}
                  className="mt-1 block rounded-md border border-slate-300 px-3 py-1.5 aria-invalid:border-red-700"
                />
                {errors.enrolledOn && (
                  <p id={`${dateFieldId}-error`} className="mt-1 text-red-700">
                    {errors.enrolledOn}
                  </p>
                )}
              </div>
            )}
          </div>
          <p className="text-sm text-slate-500">
            {program ? `The registration unit enrols the person and owns their record in ${program.name}.` : "You can also enrol the person later, from their record."}
          </p>
        </fieldset>
      )}
      {message && (
        <p role="alert" className="text-sm text-red-800">
          {message}
        </p>
      )}
      <button type="submit" disabled={register.isPending} className="rounded-md bg-canopy-600 px-4 py-1.5 font-medium text-white hover:bg-canopy-700 disabled:opacity-60">
        {register.isPending ? "Registering…" : program ? "Register and enrol" : "Register"}
      </button>
    </form>
  );
}
