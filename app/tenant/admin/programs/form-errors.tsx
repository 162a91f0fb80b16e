import type { z } from "zod";

/** The first message for each field, keyed by its dotted path ("options", "attributes.0.attributeId"). */
export type FieldErrors = Record<string, string>;

/** Checks a form's values with the same zod schema the server applies, so messages agree. */
export function check<S extends z.ZodType>(schema: S, value: z.input<S>): { data: z.output<S>; errors: null } | { data: null; errors: FieldErrors } {
  const parsed = schema.safeParse(value);
  if (parsed.success) return { data: parsed.data, errors: null };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path.join(".");
    errors[key] ??= issue.message;
  }
  return { data: null, errors };
}

/** A field's message, linked to its input with aria-describedby. */
export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={id} className="mt-1 text-xs text-red-800">
      {message}
    </p>
  );
}

/** What the server refused, when the form's own checks let it through (a name taken, say). */
export function ServerError({ error }: { error: { message: string } | null }) {
  if (!error) return null;
  return (
    <p role="alert" className="text-sm text-red-800">
      {error.message}
    </p>
  );
}
