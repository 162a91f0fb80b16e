import { z } from "zod";

/**
 * Zod schemas built from metadata: one per attribute or data element, and one per form. Pure (zod
 * only) so the same rules run in the browser's forms and on the server. Values travel as strings,
 * exactly as stored; an empty string means "no value".
 */
export const VALUE_TYPES = ["text", "number", "date", "boolean", "option_set", "phone", "email", "identifier"] as const;
export type ValueType = (typeof VALUE_TYPES)[number];

export type FieldMeta = {
  id: string;
  name: string;
  valueType: ValueType;
  options: readonly string[];
  minValue: number | null;
  maxValue: number | null;
  mandatory: boolean;
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isRealDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** The rule for one non-empty value of a field, with messages that name the field. */
export function valueSchema(field: FieldMeta): z.ZodType<string, string> {
  const text = z.string().trim();
  switch (field.valueType) {
    case "text":
      return text.max(1000, `${field.name} must be at most 1000 characters.`);
    case "identifier":
      return text.regex(/^[A-Za-z0-9][A-Za-z0-9/_.-]{0,63}$/, `${field.name} may use letters, digits and / _ . - (up to 64).`);
    case "phone":
      return text.regex(/^\+?[0-9][0-9 ()-]{5,19}$/, `${field.name} must be a phone number (digits, spaces, + - ( )).`);
    case "email":
      return text.pipe(z.email(`${field.name} must be an email address.`)).transform((value) => value.toLowerCase());
    case "boolean":
      return text.refine((value) => value === "true" || value === "false", `${field.name} must be yes or no.`);
    case "date":
      return text.refine(isRealDate, `${field.name} must be a date (YYYY-MM-DD).`);
    case "option_set":
      return text.refine((value) => field.options.includes(value), `${field.name} must be one of: ${field.options.join(", ")}.`);
    case "number":
      return text
        .regex(/^-?\d+(\.\d+)?$/, `${field.name} must be a number.`)
        .refine((value) => field.minValue === null || Number(value) >= field.minValue, `${field.name} must be at least ${field.minValue}.`)
        .refine((value) => field.maxValue === null || Number(value) <= field.maxValue, `${field.name} must be at most ${field.maxValue}.`)
        .transform((value) => String(Number(value)));
  }
}

/**
 * A form's values keyed by field id. Unknown fields are refused; empty values are dropped;
 * mandatory fields must be present unless `partial` (an edit that leaves a field untouched).
 */
export function valuesSchema(fields: readonly FieldMeta[], options: { partial?: boolean } = {}) {
  const byId = new Map(fields.map((field) => [field.id, field]));
  return z.record(z.string(), z.string().max(2000)).transform((input, ctx) => {
    const out: Record<string, string> = {};
    const refused = new Set<string>();
    for (const [id, raw] of Object.entries(input)) {
      const field = byId.get(id);
      if (!field) {
        ctx.addIssue({ code: "custom", path: [id], message: "This field is not part of the form." });
        continue;
      }
      if (raw.trim() === "") continue;
      const parsed = valueSchema(field).safeParse(raw);
      if (parsed.success) out[id] = parsed.data;
      else {
        refused.add(id);
        ctx.addIssue({ code: "custom", path: [id], message: parsed.error.issues[0]!.message });
      }
    }
    if (!options.partial) {
      for (const field of fields) {
        if (field.mandatory && out[field.id] === undefined && !refused.has(field.id)) {
          ctx.addIssue({ code: "custom", path: [field.id], message: `${field.name} is required.` });
        }
      }
    }
    return out;
  });
}

/** A boolean value as people read it. */
export const displayValue = (field: Pick<FieldMeta, "valueType">, value: string) =>
  field.valueType === "boolean" ? (value === "true" ? "Yes" : "No") : value;
