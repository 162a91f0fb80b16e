"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/server/trpc/react";

/** The names of the tree's levels and the tenant's unit groups. */
export function LevelsAndGroups() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.orgUnit.pathKey() });
  const levels = useQuery(trpc.orgUnit.levels.queryOptions());
  const groups = useQuery(trpc.orgUnit.groups.queryOptions());
  const rename = useMutation(trpc.orgUnit.renameLevel.mutationOptions({ onSuccess: refresh }));
  const create = useMutation(trpc.orgUnit.createGroup.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(trpc.orgUnit.deleteGroup.mutationOptions({ onSuccess: refresh }));
  const [confirm, setConfirm] = useState<string | null>(null);
  const error = rename.error ?? create.error ?? remove.error;

  return (
    <div className="mt-8 grid gap-6 text-sm md:grid-cols-2">
      <section aria-labelledby="levels-heading">
        <h2 id="levels-heading" className="text-lg font-semibold">Level names</h2>
        <ul className="mt-2 space-y-1">
          {levels.data?.map((l) => (
            <li key={l.level}>
              <form
                className="flex items-center gap-2"
                onSubmit={(e: FormEvent<HTMLFormElement>) => {
                  e.preventDefault();
                  rename.mutate({ level: l.level, name: String(new FormData(e.currentTarget).get("name") ?? "") });
                }}
              >
                <span className="w-14 text-slate-500">Level {l.level}</span>
                <input name="name" aria-label={`Name of level ${l.level}`} defaultValue={l.name} className="rounded-md border border-slate-300 px-2 py-0.5" />
                <button type="submit" className="text-canopy-700 underline">Rename</button>
              </form>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="groups-heading">
        <h2 id="groups-heading" className="text-lg font-semibold">Groups</h2>
        {groups.data?.length === 0 && <p className="mt-2 text-slate-500">No groups yet, e.g. “Hospitals” or “Private clinics”.</p>}
        <ul className="mt-2 space-y-1">
          {groups.data?.map((g) => (
            <li key={g.id} className="flex items-center gap-2">
              <span>{g.name}</span>
              <span className="text-slate-500">{g.members} unit(s)</span>
              {confirm === g.id ? (
                <>
                  <button type="button" onClick={() => remove.mutate({ groupId: g.id }, { onSettled: () => setConfirm(null) })} className="text-red-700 underline">Delete group</button>
                  <button type="button" onClick={() => setConfirm(null)} className="underline">Cancel</button>
                </>
              ) : (
                <button type="button" onClick={() => setConfirm(g.id)} className="text-slate-600 underline">Delete</button>
              )}
            </li>
          ))}
        </ul>
        <form
          className="mt-2 flex gap-2"
          onSubmit={(e: FormEvent<HTMLFormElement>) => {
            e.preventDefault();
            const form = e.currentTarget;
            create.mutate({ name: String(new FormData(form).get("group") ?? "") }, { onSuccess: () => form.reset() });
          }}
        >
          <input name="group" aria-label="New group name" placeholder="New group" className="rounded-md border border-slate-300 px-2 py-0.5" />
          <button type="submit" className="rounded-md border border-slate-300 px-2 py-0.5">Create</button>
        </form>
      </section>
      {error && <p role="alert" className="text-red-800">{error.message}</p>}
    </div>
  );
}
