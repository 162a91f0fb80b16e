"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { saveTypeInput } from "@/server/trpc/routers/program/program.schema";
import { useTRPC } from "@/server/trpc/react";
import { buttonPrimary, TextField } from "../fields";
import { check, ServerError, type FieldErrors } from "../form-errors";
import type { TrackedEntityType } from "../api-types";

/** Creates a tracked-entity type or renames one. */
export function TypeForm({ type, onDone }: { type: TrackedEntityType | null; onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const save = useMutation(trpc.program.saveType.mutationOptions());
  const [name, setName] = useState(type?.name ?? "");
  const [description, setDescription] = useState(type?.description ?? "");
  const [errors, setErrors] = useState<FieldErrors>({});

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = check(saveTypeInput, { id: type?.id, name, description });
    setErrors(result.errors ?? {});
    if (!result.data) return;
    try {
      await save.mutateAsync(result.data);
      await queryClient.invalidateQueries({ queryKey: trpc.program.types.queryKey() });
      onDone();
    } catch {
      // Shown from save.error.
    }
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-3 rounded-md border border-canopy-600 bg-canopy-50 p-3" aria-label={type ? `Edit type ${type.name}` : "New type"}>
      <TextField label="Type name" value={name} onChange={setName} error={errors.name} placeholder="Person" className="max-w-md" />
      <TextField label="Description" rows={2} value={description} onChange={setDescription} error={errors.description} />
      <ServerError error={save.error} />
      <div className="flex gap-3">
        <button type="submit" disabled={save.isPending} className={buttonPrimary}>
          {save.isPending ? "Saving…" : type ? "Save type" : "Create type"}
        </button>
        <button type="button" onClick={onDone} className="underline">
          Cancel
        </button>
      </div>
    </form>
  );
}
