"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { saveProgramInput } from "@/server/trpc/routers/program/program.schema";
import { useTRPC } from "@/server/trpc/react";
import { ACCESS_LEVELS, type AccessLevel } from "./access-levels";
import { check, FieldError, ServerError, type FieldErrors } from "./form-errors";
import { buttonPrimary, numberOrNull, TextField } from "./fields";
import type { Program, TrackedEntityType } from "./api-types";
import { ProgramAttributesPicker, type ProgramAttributeChoice } from "./program-attributes-picker";

type Draft = {
  name: string;
  description: string;
  trackedEntityTypeId: string;
  accessLevel: AccessLevel;
  breakGlassMinutes: string;
  attributes: ProgramAttributeChoice[];
};

function draftOf(program: Program | null, types: TrackedEntityType[]): Draft {
  if (!program) {
    const type = types[0]!;
    return { name: "", description: "", trackedEntityTypeId: type.id, accessLevel: "open", breakGlassMinutes: "", attributes: choicesForType(type) };
  }
  const type = types.find((t) => t.id === program.trackedEntityTypeId);
  const included = program.attributes.map((a) => ({ attributeId: a.id, included: true, mandatory: a.mandatory }));
  // The program's own order first, then the type's other attributes, so ticking a box never moves a row.
  const others = choicesForType(type).filter((c) => !included.some((i) => i.attributeId === c.attributeId));
  return {
    name: program.name,
    description: program.description,
    trackedEntityTypeId: program.trackedEntityTypeId,
    accessLevel: program.accessLevel,
    breakGlassMinutes: program.breakGlassMinutes?.toString() ?? "",
    attributes: [...included, ...others],
  };
}

const choicesForType = (type: TrackedEntityType | undefined): ProgramAttributeChoice[] =>
  (type?.attributes ?? []).map((a) => ({ attributeId: a.id, included: false, mandatory: a.mandatory }));

type Props = {
  program: Program | null;
  types: TrackedEntityType[];
  /** For a new program: where to go once it exists. */
  onCreated?: (id: string) => void;
};

/** A program's name, type, access level, break-the-glass duration and enrolment attributes. */
export function ProgramDetailsForm({ program, types, onCreated }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const save = useMutation(trpc.program.save.mutationOptions());
  const [draft, setDraft] = useState(() => draftOf(program, types));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saved, setSaved] = useState(false);
  const typeSelectId = useId();
  const type = types.find((t) => t.id === draft.trackedEntityTypeId);
  const set = (change: Partial<Draft>) => {
    setSaved(false);
    setDraft((d) => ({ ...d, ...change }));
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = check(saveProgramInput, {
      id: program?.id,
      name: draft.name,
      description: draft.description,
      trackedEntityTypeId: draft.trackedEntityTypeId,
      accessLevel: draft.accessLevel,
      // The duration only applies to protected programs; other levels keep none.
      breakGlassMinutes: draft.accessLevel === "protected" ? numberOrNull(draft.breakGlassMinutes) : null,
      attributes: draft.attributes.filter((a) => a.included).map(({ attributeId, mandatory }) => ({ attributeId, mandatory })),
    });
    setErrors(result.errors ?? {});
    if (!result.data) return;
    try {
      const { id } = await save.mutateAsync(result.data);
      await queryClient.invalidateQueries({ queryKey: trpc.program.pathKey() });
      setSaved(true);
      if (!program) onCreated?.(id);
    } catch {
      // Shown from save.error; nothing was changed.
    }
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-5 rounded-lg border border-slate-200 bg-white p-4 text-sm" aria-label="Program details">
      <div className="grid gap-4 md:grid-cols-2">
        <TextField label="Name" value={draft.name} onChange={(name) => set({ name })} error={errors.name} />
        <div>
          <label htmlFor={typeSelectId} className="font-medium">
            Tracked-entity type
          </label>
          <select
            id={typeSelectId}
            value={draft.trackedEntityTypeId}
            disabled={program !== null}
            onChange={(e) => set({ trackedEntityTypeId: e.target.value, attributes: choicesForType(types.find((t) => t.id === e.target.value)) })}
            aria-describedby={`${typeSelectId}-hint`}
            className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1 disabled:bg-slate-100"
          >
            {types.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
          <p id={`${typeSelectId}-hint`} className="mt-1 text-xs text-slate-500">
            {program ? "Fixed once the program exists: its people are of this type." : "Who the program follows; it cannot change later."}
          </p>
          <FieldError id={`${typeSelectId}-error`} message={errors.trackedEntityTypeId} />
        </div>
      </div>
      <TextField label="Description" rows={2} value={draft.description} onChange={(description) => set({ description })} error={errors.description} />

      <fieldset>
        <legend className="font-medium">Access level</legend>
        <div className="mt-1 space-y-2">
          {ACCESS_LEVELS.map((level) => (
            <label key={level.value} className="flex items-start gap-2">
              <input type="radio" name="accessLevel" className="mt-1" checked={draft.accessLevel === level.value} onChange={() => set({ accessLevel: level.value })} />
              <span>
                <span className="font-medium">{level.label}</span>
                <span className="block text-xs text-slate-500">{level.explanation}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>

      {draft.accessLevel === "protected" && (
        <TextField
          label="Break-the-glass duration (minutes)"
          type="number"
          value={draft.breakGlassMinutes}
          onChange={(breakGlassMinutes) => set({ breakGlassMinutes })}
          error={errors.breakGlassMinutes}
          hint="How long access lasts after someone breaks the glass on this program. Blank: the tenant default (Security page)."
          className="max-w-sm"
        />
      )}

      <ProgramAttributesPicker
        attributes={type?.attributes ?? []}
        choices={draft.attributes}
        onChange={(attributes) => set({ attributes })}
        error={Object.entries(errors).find(([key]) => key.startsWith("attributes"))?.[1]}
      />

      <ServerError error={save.error} />
      {saved && (
        <p role="status" className="text-canopy-900">
          Saved.
        </p>
      )}
      <button type="submit" disabled={save.isPending} className={buttonPrimary}>
        {save.isPending ? "Saving…" : program ? "Save details" : "Create program"}
      </button>
    </form>
  );
}
