"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { saveAttributeInput } from "@/server/trpc/routers/program/program.schema";
import { useTRPC } from "@/server/trpc/react";
import { emptyRules, FieldRules, rulesDraftOf, rulesInput } from "../field-rules";
import { buttonPrimary, CheckField, TextField } from "../fields";
import { check, ServerError, type FieldErrors } from "../form-errors";
import type { TypeAttribute } from "../api-types";

type Flags = { unique: boolean; searchable: boolean; identifying: boolean };
type Props = { typeId: string; attribute: TypeAttribute | null; sortOrder: number; onDone: () => void };

/** Adds an attribute to a type or changes one; its value type and uniqueness are fixed once created. */
export function AttributeForm({ typeId, attribute, sortOrder, onDone }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const save = useMutation(trpc.program.saveAttribute.mutationOptions());
  const [name, setName] = useState(attribute?.name ?? "");
  const [rules, setRules] = useState(attribute ? rulesDraftOf(attribute) : emptyRules);
  const [flags, setFlags] = useState<Flags>({
    unique: attribute?.unique ?? false,
    searchable: attribute?.searchable ?? false,
    identifying: attribute?.identifying ?? false,
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const flag = (key: keyof Flags) => (value: boolean) => setFlags({ ...flags, [key]: value });

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = check(saveAttributeInput, { trackedEntityTypeId: typeId, id: attribute?.id, name, sortOrder, ...flags, ...rulesInput(rules) });
    setErrors(result.errors ?? {});
    if (!result.data) return;
    try {
      await save.mutateAsync(result.data);
      // Programs show their attributes too.
      await queryClient.invalidateQueries({ queryKey: trpc.program.pathKey() });
      onDone();
    } catch {
      // Shown from save.error.
    }
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-3 rounded-md border border-canopy-600 bg-canopy-50 p-3" aria-label={attribute ? `Edit attribute ${attribute.name}` : "New attribute"}>
      <TextField label="Attribute name" value={name} onChange={setName} error={errors.name} placeholder="National ID" className="max-w-md" />
      <FieldRules draft={rules} onChange={setRules} errors={errors} valueTypeLocked={attribute !== null} mandatoryExplanation="A person cannot be registered without it." />
      <CheckField
        label="Unique"
        checked={flags.unique}
        onChange={flag("unique")}
        disabled={attribute !== null}
        explanation={`No two people in this organisation may share a value, e.g. a national ID.${attribute ? " Fixed once created." : " Cannot be changed later."}`}
      />
      <CheckField label="Searchable" checked={flags.searchable} onChange={flag("searchable")} explanation="Users can find people by this attribute." />
      <CheckField
        label="Identifying"
        checked={flags.identifying}
        onChange={flag("identifying")}
        explanation="Personal data that singles a person out, e.g. National ID; searching by it can reach beyond the capture scope."
      />
      <ServerError error={save.error} />
      <div className="flex gap-3">
        <button type="submit" disabled={save.isPending} className={buttonPrimary}>
          {save.isPending ? "Saving…" : attribute ? "Save attribute" : "Add attribute"}
        </button>
        <button type="button" onClick={onDone} className="underline">
          Cancel
        </button>
      </div>
    </form>
  );
}
