"use client";

import { useId, type ReactNode } from "react";
import { FieldError } from "./form-errors";

const inputClass = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1 aria-invalid:border-red-600";

type TextFieldProps = {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  hint?: ReactNode;
  type?: "text" | "number";
  rows?: number;
  className?: string;
  placeholder?: string;
};

/** A labelled text (or number) input or text area with its hint and error message. */
export function TextField({ label, value, onChange, error, hint, type = "text", rows, className, placeholder }: TextFieldProps) {
  const id = useId();
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  const common = { id, value, placeholder, "aria-invalid": error ? true : undefined, "aria-describedby": described, className: inputClass };
  return (
    <div className={className}>
      <label htmlFor={id} className="font-medium">
        {label}
      </label>
      {rows ? (
        <textarea {...common} rows={rows} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...common} type={type} step={type === "number" ? "any" : undefined} onChange={(e) => onChange(e.target.value)} />
      )}
      {hint && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      )}
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

/** A checkbox with a line saying what it means. */
export function CheckField(props: { label: string; checked: boolean; onChange: (checked: boolean) => void; explanation?: string; disabled?: boolean }) {
  const id = useId();
  return (
    <div className="flex items-start gap-2">
      <input
        id={id}
        type="checkbox"
        checked={props.checked}
        disabled={props.disabled}
        onChange={(e) => props.onChange(e.target.checked)}
        aria-describedby={props.explanation ? `${id}-explanation` : undefined}
        className="mt-1"
      />
      <div>
        <label htmlFor={id} className="font-medium">
          {props.label}
        </label>
        {props.explanation && (
          <p id={`${id}-explanation`} className="text-xs text-slate-500">
            {props.explanation}
          </p>
        )}
      </div>
    </div>
  );
}

/** "" → null, anything else → the number it spells (NaN is left for zod to refuse). */
export const numberOrNull = (text: string): number | null => (text.trim() === "" ? null : Number(text));

export const buttonPrimary = "rounded-md bg-canopy-600 px-4 py-1.5 text-sm font-medium text-white hover:bg-canopy-700 disabled:opacity-60";
export const buttonSecondary = "rounded-md border border-slate-300 bg-white px-3 py-1 text-sm hover:bg-slate-50 disabled:opacity-60";
