"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { displayValue } from "@/server/records/value-schema";
import { useTRPC } from "@/server/trpc/react";
import { FieldInput } from "../field-input";
import { checkValues, formMessage, serverFieldErrors, type FieldErrors } from "../field-errors";
import type { PersonRecord } from "../record-types";
import { useRefreshRecord } from "./use-record";

type Props = { person: PersonRecord["person"]; attributes: PersonRecord["attributes"]; editable: boolean };

/** The person's attributes; an editor replaces them all at once (a field left empty is removed). */
export function AttributesCard({ person, attributes, editable }: Props) {
  const [editing, setEditing] = useState(false);
  return (
    <section aria-labelledby="attributes-heading" className="rounded-lg border border-slate-200 bg-white p-4">
      <div className="flex items-center justify-between gap-3">
        <h2 id="attributes-heading" className="text-lg font-semibold">
          Details
        </h2>
        {editable && !editing && (
          <button type="button" onClick={() => setEditing(true)} className="rounded-md border border-slate-300 px-3 py-1 text-sm hover:bg-slate-50">
            Edit details
          </button>
        )}
      </div>
      {editing ? (
        <AttributesForm person={person} attributes={attributes} onDone={() => setEditing(false)} />
      ) : (
        <dl className="mt-3 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
          {attributes.map((attribute) => (
            <div key={attribute.id}>
              <dt className="text-slate-500">{attribute.name}</dt>
              <dd>{person.values[attribute.id] ? displayValue(attribute, person.values[attribute.id]!) : "—"}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}

function AttributesForm({ person, attributes, onDone }: Omit<Props, "editable"> & { onDone: () => void }) {
  const trpc = useTRPC();
  const refresh = useRefreshRecord(person.id);
  const update = useMutation(trpc.record.updateAttributes.mutationOptions());
  const [values, setValues] = useState<Record<string, string>>(person.values);
  const [errors, setErrors] = useState<FieldErrors>({});

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = checkValues(attributes, values);
    setErrors(found);
    update.reset();
    if (Object.keys(found).length) return;
    update.mutate({ personId: person.id, attributes: values }, { onSuccess: () => refresh().then(onDone) });
  }

  const serverErrors = serverFieldErrors(update.error);
  const message = formMessage(update.error, attributes.map((a) => a.id));
  return (
    <form onSubmit={submit} noValidate aria-label="Edit details" className="mt-3 space-y-4">
      <div className="grid gap-4 sm:grid-cols-2">
        {attributes.map((attribute) => (
          <FieldInput
            key={attribute.id}
            field={attribute}
            showRequired
            value={values[attribute.id] ?? ""}
            onChange={(value) => setValues({ ...values, [attribute.id]: value })}
            error={errors[attribute.id] ?? serverErrors[attribute.id]}
          />
        ))}
      </div>
      {message && (
        <p role="alert" className="text-sm text-red-800">
          {message}
        </p>
      )}
      <div className="flex gap-2">
        <button type="submit" disabled={update.isPending} className="rounded-md bg-canopy-600 px-4 py-1.5 text-sm font-medium text-white hover:bg-canopy-700 disabled:opacity-60">
          {update.isPending ? "Saving…" : "Save details"}
        </button>
        <button type="button" onClick={onDone} className="rounded-md px-3 py-1.5 text-sm underline">
          Cancel
        </button>
      </div>
    </form>
  );
}
