import type { ValueType } from "@/server/records/value-schema";

/** What each value type accepts, in the words the forms use. */
export const VALUE_TYPE_LABELS: Record<ValueType, string> = {
  text: "Text",
  number: "Number",
  date: "Date",
  boolean: "Yes / no",
  option_set: "One of a list of options",
  phone: "Phone number",
  email: "Email address",
  identifier: "Identifier (letters, digits and / _ . -)",
};

/** A field's rules in a few words: "Number, 0 to 120", "One of: Yes, No". */
export function describeRules(field: { valueType: ValueType; options: readonly string[]; minValue: number | null; maxValue: number | null }): string {
  if (field.valueType === "option_set") return `One of: ${field.options.join(", ")}`;
  if (field.valueType !== "number") return VALUE_TYPE_LABELS[field.valueType];
  if (field.minValue !== null && field.maxValue !== null) return `Number, ${field.minValue} to ${field.maxValue}`;
  if (field.minValue !== null) return `Number, at least ${field.minValue}`;
  if (field.maxValue !== null) return `Number, at most ${field.maxValue}`;
  return "Number";
}
