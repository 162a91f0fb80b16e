"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/server/trpc/react";

/** A user's roles as checkboxes; the server refuses roles the editor could not build. */
export function RolesEditor({ userId, roleIds, onSaved, onClose }: { userId: string; roleIds: string[]; onSaved: () => void; onClose: () => void }) {
  const trpc = useTRPC();
  const roles = useQuery(trpc.role.list.queryOptions());
  const save = useMutation(trpc.user.setRoles.mutationOptions({ onSuccess: onSaved }));
  const [chosen, setChosen] = useState<string[]>(roleIds);

  if (roles.isPending) return <p className="text-sm text-slate-500">Loading roles…</p>;
  if (roles.isError) return <p role="alert" className="text-sm text-red-700">Could not load roles.</p>;
  return (
    <div className="space-y-2 rounded-lg border border-slate-200 bg-slate-50 p-3 text-left text-sm" data-testid="roles-editor">
      <fieldset className="flex flex-wrap gap-4">
        <legend className="mb-1 font-medium">Roles</legend>
        {roles.data.map((r) => (
          <label key={r.id} className="flex items-center gap-1.5">
            <input type="checkbox" checked={chosen.includes(r.id)} onChange={(e) => setChosen(e.target.checked ? [...chosen, r.id] : chosen.filter((id) => id !== r.id))} />
            {r.name}
          </label>
        ))}
      </fieldset>
      {save.error && <p role="alert" className="text-red-800">{save.error.message}</p>}
      <div className="flex gap-2">
        <button type="button" disabled={save.isPending} onClick={() => save.mutate({ userId, roleIds: chosen })} className="rounded-md bg-canopy-600 px-3 py-1 font-medium text-white disabled:opacity-60">
          Save roles
        </button>
        <button type="button" onClick={onClose} className="underline">
          Close
        </button>
        {save.isSuccess && <span role="status" className="text-canopy-900">Saved.</span>}
      </div>
    </div>
  );
}
