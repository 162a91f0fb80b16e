"use client";

import { useMutation } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { useTRPC } from "@/server/trpc/react";
import type { PickedUnit } from "../../admin/users/org-unit-picker";
import { FieldInput } from "../field-input";
import { checkValues, formMessage, serverFieldErrors, type FieldErrors } from "../field-errors";
import type { RecordEvent, RecordProgram } from "../record-types";
import { UnitField } from "../unit-field";
import { today } from "./dates";
import { useRefreshRecord } from "./use-record";

type Stage = NonNullable<RecordProgram["meta"]>["stages"][number];
type Mode = { kind: "create"; enrollmentId: string; stages: Stage[] } | { kind: "edit"; event: RecordEvent; stage: Stage };

/** Records a new event in an enrolment, or changes one: stage, date, unit and the stage's values. */
export function EventForm({ personId, mode, defaultUnit, onDone }: { personId: string; mode: Mode; defaultUnit: PickedUnit; onDone: () => void }) {
  const trpc = useTRPC();
  const refresh = useRefreshRecord(personId);
  const create = useMutation(trpc.record.createEvent.mutationOptions());
  const update = useMutation(trpc.record.updateEvent.mutationOptions());
  const save = mode.kind === "create" ? create : update;
  const [stageId, setStageId] = useState(mode.kind === "create" ? mode.stages[0]!.id : mode.stage.id);
  const [occurredOn, setOccurredOn] = useState(mode.kind === "edit" ? mode.event.occurredOn : today());
  const [unit, setUnit] = useState<PickedUnit | null>(defaultUnit);
  const [values, setValues] = useState<Record<string, string>>(mode.kind === "edit" ? mode.event.values : {});
  const [errors, setErrors] = useState<FieldErrors>({});
  const stageSelectId = useId();
  const dateId = useId();
  // In create mode the stage list can shrink on a reload (a one-off stage got recorded): keep a valid choice.
  const stage = mode.kind === "create" ? (mode.stages.find((s) => s.id === stageId) ?? mode.stages[0]!) : mode.stage;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = checkValues(stage.dataElements, values);
    if (!occurredOn) found.occurredOn = "Enter the date of the event.";
    else if (occurredOn > today()) found.occurredOn = "The event date cannot be in the future.";
    if (!unit) found.orgUnitId = "Choose the unit where the event happened.";
    setErrors(found);
    save.reset();
    if (Object.keys(found).length || !unit) return;
    const done = { onSuccess: () => refresh().then(onDone) };
    if (mode.kind === "create") create.mutate({ enrollmentId: mode.enrollmentId, stageId: stage.id, orgUnitId: unit.id, occurredOn, values }, done);
    else update.mutate({ eventId: mode.event.id, orgUnitId: unit.id, occurredOn, values }, done);
  }

  const serverErrors = serverFieldErrors(save.error);
  const errorOf = (key: string) => errors[key] ?? serverErrors[key];
  const message = formMessage(save.error, [...stage.dataElements.map((e) => e.id), "occurredOn", "orgUnitId"]);
  const title = mode.kind === "create" ? "Record an event" : `Edit ${stage.name}`;
  return (
    <form onSubmit={submit} noValidate aria-label={title} className="space-y-3 rounded-md border border-slate-300 bg-white p-3">
      <h3 className="font-medium">{title}</h3>
      <div className="grid gap-3 sm:grid-cols-2">
        {mode.kind === "create" && (
          <div className="text-sm">
            <label htmlFor={stageSelectId} className="font-medium">
              Stage
            </label>
            <select
              id={stageSelectId}
              value={stage.id}
              onChange={(e) => {
                setStageId(e.target.value);
                setValues({});
                setErrors({});
              }}
              className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5"
            >
              {mode.stages.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="text-sm">
          <label htmlFor={dateId} className="font-medium">
            Date
          </label>
          <input
            id={dateId}
            type="date"
            max={today()}
            value={occurredOn}
            onChange={(e) => setOccurredOn(e.target.value)}
            aria-invalid={errorOf("occurredOn") ? true : undefined}
            className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-1.5"
          />
          {errorOf("occurredOn") && <p className="mt-1 text-red-800">{errorOf("occurredOn")}</p>}
        </div>
      </div>
      <UnitField label="Unit" value={unit} onChange={setUnit} hint="Where the event happened; it must be in your capture scope." error={errorOf("orgUnitId")} />
      {stage.dataElements.length > 0 && (
        <div className="grid gap-3 sm:grid-cols-2">
          {stage.dataElements.map((element) => (
            <FieldInput
              key={element.id}
              field={element}
              showRequired
              value={values[element.id] ?? ""}
              onChange={(value) => setValues({ ...values, [element.id]: value })}
              error={errorOf(element.id)}
            />
          ))}
        </div>
      )}
      {message && (
        <p role="alert" className="text-sm text-red-800">
          {message}
        </p>
      )}
      <div className="flex gap-2">
        <button type="submit" disabled={save.isPending} className="rounded-md bg-canopy-600 px-4 py-1.5 text-sm font-medium text-white hover:bg-canopy-700 disabled:opacity-60">
          {save.isPending ? "Saving…" : "Save event"}
        </button>
        <button type="button" onClick={onDone} className="rounded-md px-3 py-1.5 text-sm underline">
          Cancel
        </button>
      </div>
    </form>
  );
}
