"use client";

import { useId } from "react";
import { searchMode } from "@/server/records/search-value";
import { valueSchema } from "@/server/records/value-schema";
import type { TypeAttribute } from "./record-types";
import { FieldInput } from "./field-input";

export type Criterion = { attributeId: string; value: string };

/** The server takes at most this many criteria (record.search). */
const MAX_CRITERIA = 6;

/** A search starts with one row: the first searchable attribute (identifying ones come first in the Person type). */
export const firstCriterion = (attributes: readonly TypeAttribute[]): Criterion[] =>
  attributes.length ? [{ attributeId: attributes[0]!.id, value: "" }] : [];

/** Problems by row index, with the messages the server would give. Text is matched by prefix, so any text will do. */
export function checkCriteria(attributes: readonly TypeAttribute[], rows: readonly Criterion[]): Record<number, string> {
  const errors: Record<number, string> = {};
  rows.forEach((row, index) => {
    const attribute = attributes.find((a) => a.id === row.attributeId)!;
    if (row.value.trim() === "") errors[index] = "Enter a value to search for.";
    else if (searchMode(attribute) === "exact") {
      const checked = valueSchema(attribute).safeParse(row.value);
      if (!checked.success) errors[index] = checked.error.issues[0]!.message;
    }
  });
  return errors;
}

/** Rows of "attribute = value"; each attribute at most once. */
export function CriteriaEditor(props: {
  attributes: readonly TypeAttribute[];
  rows: Criterion[];
  errors: Record<number, string>;
  onChange: (rows: Criterion[]) => void;
}) {
  const { attributes, rows, onChange } = props;
  const unused = attributes.filter((a) => !rows.some((r) => r.attributeId === a.id));
  const update = (index: number, change: Partial<Criterion>) => onChange(rows.map((row, i) => (i === index ? { ...row, ...change } : row)));
  const prefixNames = attributes.filter((a) => searchMode(a) === "prefix").map((a) => a.name);

  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-medium">Search by</legend>
      {rows.map((row, index) => (
        <CriterionRow
          key={index}
          attributes={attributes.filter((a) => a.id === row.attributeId || unused.includes(a))}
          row={row}
          error={props.errors[index]}
          onChange={(change) => update(index, change)}
          onRemove={rows.length > 1 ? () => onChange(rows.filter((_, i) => i !== index)) : undefined}
        />
      ))}
      {unused.length > 0 && rows.length < MAX_CRITERIA && (
        <button type="button" onClick={() => onChange([...rows, { attributeId: unused[0]!.id, value: "" }])} className="text-sm text-canopy-700 underline">
          Add another attribute
        </button>
      )}
      <p className="text-xs text-slate-500">
        {prefixNames.length > 0 && <>{prefixNames.join(", ")}: matched from the start (“Fat” finds “Fatmata”), whatever the case. </>}
        Everything else must match exactly.
      </p>
    </fieldset>
  );
}

function CriterionRow(props: {
  attributes: readonly TypeAttribute[];
  row: Criterion;
  error?: string;
  onChange: (change: Partial<Criterion>) => void;
  onRemove?: () => void;
}) {
  const selectId = useId();
  const attribute = props.attributes.find((a) => a.id === props.row.attributeId)!;
  return (
    <div className="flex flex-wrap items-start gap-3">
      <div className="text-sm">
        <label htmlFor={selectId} className="font-medium">
          Attribute
        </label>
        <select
          id={selectId}
          value={attribute.id}
          onChange={(e) => props.onChange({ attributeId: e.target.value, value: "" })}
          className="mt-1 block rounded-md border border-slate-300 bg-white px-2 py-1.5"
        >
          {props.attributes.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      </div>
      <div className="w-64">
        <FieldInput field={attribute} value={props.row.value} onChange={(value) => props.onChange({ value })} error={props.error} />
      </div>
      {props.onRemove && (
        <button type="button" onClick={props.onRemove} aria-label={`Remove ${attribute.name}`} className="mt-7 text-sm text-slate-600 underline">
          Remove
        </button>
      )}
    </div>
  );
}
