"use client";

import { useId } from "react";
import type { FieldMeta } from "@/server/records/value-schema";

const control = "mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-1.5 aria-invalid:border-red-700";

/**
 * One labelled input for an attribute or data element, chosen by its value type. Values stay
 * strings, exactly as the server takes them; "" means no value (so yes/no and choices can be unset).
 */
export function FieldInput(props: {
  field: FieldMeta;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  /** Search asks for any value; forms mark mandatory fields. */
  showRequired?: boolean;
}) {
  const { field, value, onChange, error } = props;
  const id = useId();
  const errorId = `${id}-error`;
  const shared = {
    id,
    value,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": error ? errorId : undefined,
    "aria-required": props.showRequired && field.mandatory ? true : undefined,
    className: control,
  };
  return (
    <div className="text-sm">
      <label htmlFor={id} className="font-medium">
        {field.name}
        {props.showRequired && field.mandatory && <span className="text-slate-500"> (required)</span>}
      </label>
      {field.valueType === "option_set" || field.valueType === "boolean" ? (
        <select {...shared} onChange={(e) => onChange(e.target.value)}>
          <option value="">—</option>
          {field.valueType === "boolean" ? (
            <>
              <option value="true">Yes</option>
              <option value="false">No</option>
            </>
          ) : (
            field.options.map((option) => (
              <option key={option} value={option}>
                {option}
              </option>
            ))
          )}
        </select>
      ) : (
        <input {...shared} {...INPUT_TYPES[field.valueType]} onChange={(e) => onChange(e.target.value)} />
      )}
      {error && (
        <p id={errorId} className="mt-1 text-red-800">
          {error}
        </p>
      )}
    </div>
  );
}

/** Numbers are typed as text so the form, not the browser, says what is wrong with them. */
const INPUT_TYPES: Record<Exclude<FieldMeta["valueType"], "option_set" | "boolean">, Record<string, string | boolean>> = {
  text: { type: "text" },
  number: { type: "text", inputMode: "decimal" },
  date: { type: "date" },
  phone: { type: "tel", autoComplete: "off" },
  email: { type: "email", autoComplete: "off" },
  identifier: { type: "text", spellCheck: false, autoCapitalize: "off", autoComplete: "off" },
};
