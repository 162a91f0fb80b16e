"use client";

import { useId } from "react";
import { VALUE_TYPES, type ValueType } from "@/server/records/value-schema";
import { FieldError, type FieldErrors } from "./form-errors";
import { CheckField, numberOrNull, TextField } from "./fields";
import { VALUE_TYPE_LABELS } from "./value-types";

/** The form's view of a field's rules: numbers and options as typed, converted only on save. */
export type RulesDraft = { valueType: ValueType; options: string; minValue: string; maxValue: string; mandatory: boolean };

export const emptyRules: RulesDraft = { valueType: "text", options: "", minValue: "", maxValue: "", mandatory: false };

export function rulesDraftOf(field: { valueType: ValueType; options: readonly string[]; minValue: number | null; maxValue: number | null; mandatory: boolean }): RulesDraft {
  return {
    valueType: field.valueType,
    options: field.options.join("\n"),
    minValue: field.minValue?.toString() ?? "",
    maxValue: field.maxValue?.toString() ?? "",
    mandatory: field.mandatory,
  };
}

/** The rules as the API takes them; options and range are sent only for the types that use them. */
export function rulesInput(draft: RulesDraft) {
  const isNumber = draft.valueType === "number";
  return {
    valueType: draft.valueType,
    options: draft.valueType === "option_set" ? draft.options.split("\n").map((o) => o.trim()).filter(Boolean) : [],
    minValue: isNumber ? numberOrNull(draft.minValue) : null,
    maxValue: isNumber ? numberOrNull(draft.maxValue) : null,
    mandatory: draft.mandatory,
  };
}

type Props = {
  draft: RulesDraft;
  onChange: (draft: RulesDraft) => void;
  errors: FieldErrors;
  /** Values already stored were checked under the type, so it cannot change after creation. */
  valueTypeLocked: boolean;
  mandatoryExplanation: string;
};

/** Value type, options, range and "mandatory": what data elements and attributes share. */
export function FieldRules({ draft, onChange, errors, valueTypeLocked, mandatoryExplanation }: Props) {
  const typeId = useId();
  const set = (change: Partial<RulesDraft>) => onChange({ ...draft, ...change });
  return (
    <div className="space-y-3">
      <div>
        <label htmlFor={typeId} className="font-medium">
          Value type
        </label>
        <select
          id={typeId}
          value={draft.valueType}
          disabled={valueTypeLocked}
          onChange={(e) => set({ valueType: e.target.value as ValueType })}
          aria-describedby={valueTypeLocked ? `${typeId}-locked` : undefined}
          className="mt-1 block rounded-md border border-slate-300 bg-white px-2 py-1 disabled:bg-slate-100"
        >
          {VALUE_TYPES.map((type) => (
            <option key={type} value={type}>
              {VALUE_TYPE_LABELS[type]}
            </option>
          ))}
        </select>
        {valueTypeLocked && (
          <p id={`${typeId}-locked`} className="mt-1 text-xs text-slate-500">
            Fixed once created: stored values were checked as this type.
          </p>
        )}
        <FieldError id={`${typeId}-error`} message={errors.valueType} />
      </div>
      {draft.valueType === "option_set" && (
        <TextField label="Options, one per line" rows={4} value={draft.options} onChange={(options) => set({ options })} error={errors.options} className="max-w-sm" />
      )}
      {draft.valueType === "number" && (
        <div className="flex flex-wrap gap-4">
          <TextField label="Minimum" type="number" value={draft.minValue} onChange={(minValue) => set({ minValue })} error={errors.minValue} hint="Blank: no minimum" className="w-36" />
          <TextField label="Maximum" type="number" value={draft.maxValue} onChange={(maxValue) => set({ maxValue })} error={errors.maxValue} hint="Blank: no maximum" className="w-36" />
        </div>
      )}
      <CheckField label="Mandatory" checked={draft.mandatory} onChange={(mandatory) => set({ mandatory })} explanation={mandatoryExplanation} />
    </div>
  );
}
