import { valuesSchema, type FieldMeta } from "@/server/records/value-schema";

/** Messages keyed by field id (or input name, e.g. "reason"). */
export type FieldErrors = Record<string, string>;

/**
 * Checks a form's values with the rules the server applies (value-schema.ts), so the browser
 * shows the same messages before anything is sent.
 */
export function checkValues(fields: readonly FieldMeta[], values: Record<string, string>): FieldErrors {
  const parsed = valuesSchema(fields).safeParse(values);
  if (parsed.success) return {};
  return Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path.at(-1)), issue.message]));
}

type ServerError = { data?: { fieldErrors?: { path: string[]; message: string }[] | null } | null } | null;

/** A server refusal's per-field messages: the last path segment names the field ("attributes.<id>" → id). */
export function serverFieldErrors(error: ServerError): FieldErrors {
  return Object.fromEntries((error?.data?.fieldErrors ?? []).map((f) => [f.path.at(-1) ?? "", f.message]));
}

/**
 * The message to show above a form: the server's own, or — when it names fields — the messages of
 * fields the form does not show (those it shows appear next to their input).
 */
export function formMessage(error: (ServerError & { message: string }) | null, shown: readonly string[]): string | null {
  if (!error) return null;
  const fieldErrors = error.data?.fieldErrors;
  if (!fieldErrors?.length) return error.message;
  const elsewhere = fieldErrors.filter((f) => !shown.includes(f.path.at(-1) ?? ""));
  return elsewhere.length ? elsewhere.map((f) => f.message).join(" ") : "Some values are not valid; see the message by each field.";
}
