"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { saveStageInput } from "@/server/trpc/routers/program/program.schema";
import { useTRPC } from "@/server/trpc/react";
import { check, ServerError, type FieldErrors } from "./form-errors";
import { buttonPrimary, CheckField, TextField } from "./fields";
import type { Stage } from "./api-types";

type Props = { programId: string; stage: Stage | null; sortOrder: number; onDone: () => void };

/** Adds a stage or changes one: its name, description and whether it happens more than once. */
export function StageForm({ programId, stage, sortOrder, onDone }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const save = useMutation(trpc.program.saveStage.mutationOptions());
  const [name, setName] = useState(stage?.name ?? "");
  const [description, setDescription] = useState(stage?.description ?? "");
  const [repeatable, setRepeatable] = useState(stage?.repeatable ?? false);
  const [errors, setErrors] = useState<FieldErrors>({});

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = check(saveStageInput, { programId, id: stage?.id, name, description, repeatable, sortOrder });
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
    <form onSubmit={submit} noValidate className="space-y-3 rounded-md border border-canopy-600 bg-canopy-50 p-3" aria-label={stage ? `Edit stage ${stage.name}` : "New stage"}>
      <TextField label="Stage name" value={name} onChange={setName} error={errors.name} className="max-w-md" />
      <TextField label="Description" rows={2} value={description} onChange={setDescription} error={errors.description} />
      <CheckField label="Repeatable" checked={repeatable} onChange={setRepeatable} explanation="Can be recorded more than once per enrolment, like a follow-up visit." />
      <ServerError error={save.error} />
      <div className="flex gap-3">
        <button type="submit" disabled={save.isPending} className={buttonPrimary}>
          {save.isPending ? "Saving…" : stage ? "Save stage" : "Add stage"}
        </button>
        <button type="button" onClick={onDone} className="underline">
          Cancel
        </button>
      </div>
    </form>
  );
}
