"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { saveDataElementInput } from "@/server/trpc/routers/program/program.schema";
import { useTRPC } from "@/server/trpc/react";
import { emptyRules, FieldRules, rulesDraftOf, rulesInput } from "./field-rules";
import { check, ServerError, type FieldErrors } from "./form-errors";
import { buttonPrimary, TextField } from "./fields";
import type { DataElement } from "./api-types";

type Props = { programId: string; stageId: string; element: DataElement | null; sortOrder: number; onDone: () => void };

/** Adds a data element to a stage or changes one; its value type is fixed once created. */
export function DataElementForm({ programId, stageId, element, sortOrder, onDone }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const save = useMutation(trpc.program.saveDataElement.mutationOptions());
  const [name, setName] = useState(element?.name ?? "");
  const [rules, setRules] = useState(element ? rulesDraftOf(element) : emptyRules);
  const [errors, setErrors] = useState<FieldErrors>({});

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = check(saveDataElementInput, { stageId, id: element?.id, name, sortOrder, ...rulesInput(rules) });
    setErrors(result.errors ?? {});
    if (!result.data) return;
    try {
      await save.mutateAsync(result.data);
      await queryClient.invalidateQueries({ queryKey: trpc.program.get.queryKey({ id: programId }) });
      onDone();
    } catch {
      // Shown from save.error.
    }
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-3 rounded-md border border-canopy-600 bg-canopy-50 p-3" aria-label={element ? `Edit data element ${element.name}` : "New data element"}>
      <TextField label="Data element name" value={name} onChange={setName} error={errors.name} className="max-w-md" />
      <FieldRules draft={rules} onChange={setRules} errors={errors} valueTypeLocked={element !== null} mandatoryExplanation="An event at this stage cannot be saved without it." />
      <ServerError error={save.error} />
      <div className="flex gap-3">
        <button type="submit" disabled={save.isPending} className={buttonPrimary}>
          {save.isPending ? "Saving…" : element ? "Save data element" : "Add data element"}
        </button>
        <button type="button" onClick={onDone} className="underline">
          Cancel
        </button>
      </div>
    </form>
  );
}
