"use client";

import { useMutation } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { useTRPC } from "@/server/trpc/react";

/** An administrator corrects a user's name or sign-in email. */
export function UserDetailsEditor(props: { user: { id: string; displayName: string; email: string }; onSaved: () => void; onClose: () => void }) {
  const trpc = useTRPC();
  const save = useMutation(trpc.user.update.mutationOptions({ onSuccess: props.onSaved }));
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    save.mutate({ userId: props.user.id, displayName: String(form.get("displayName") ?? ""), email: String(form.get("email") ?? "") });
  }
  return (
    <form onSubmit={submit} noValidate className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-slate-50 p-3 text-left text-sm" aria-label="Edit user">
      <label>
        Name
        <input name="displayName" defaultValue={props.user.displayName} className="mt-1 block rounded-md border border-slate-300 px-2 py-1" />
      </label>
      <label>
        Email
        <input name="email" type="email" defaultValue={props.user.email} className="mt-1 block w-64 rounded-md border border-slate-300 px-2 py-1" />
      </label>
      <button type="submit" disabled={save.isPending} className="rounded-md bg-canopy-600 px-3 py-1 font-medium text-white disabled:opacity-60">Save</button>
      <button type="button" onClick={props.onClose} className="underline">Close</button>
      {save.isSuccess && <span role="status" className="text-canopy-900">Saved.</span>}
      {save.error && <p role="alert" className="w-full text-red-800">{save.error.message}</p>}
    </form>
  );
}
