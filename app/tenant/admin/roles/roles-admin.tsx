"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/server/trpc/react";
import { PermissionMatrix } from "./permission-matrix";

type Props = {
  subjects: string[];
  crudActions: string[];
  purposes: { key: string; description: string }[];
  held: string[];
  can: { create: boolean; update: boolean; delete: boolean };
};
type Draft = { roleId: string | null; name: string; description: string; permissions: string[] };

export function RolesAdmin(props: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const roles = useQuery(trpc.role.list.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.role.list.queryKey() });
  const create = useMutation(trpc.role.create.mutationOptions({ onSuccess: refresh }));
  const update = useMutation(trpc.role.update.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(trpc.role.delete.mutationOptions({ onSuccess: refresh }));
  const [draft, setDraft] = useState<Draft | null>(null);
  const [confirmDelete, setConfirmDelete] = useState<string | null>(null);
  const error = create.error ?? update.error ?? remove.error;

  async function save() {
    if (!draft) return;
    const fields = { name: draft.name, description: draft.description, permissions: draft.permissions };
    try {
      if (draft.roleId) await update.mutateAsync({ roleId: draft.roleId, ...fields });
      else await create.mutateAsync(fields);
      setDraft(null);
    } catch {
      // shown below
    }
  }

  if (roles.isPending) return <p className="mt-6 text-slate-500">Loading roles…</p>;
  if (roles.isError) return <p role="alert" className="mt-6 text-red-700">Could not load roles.</p>;

  return (
    <div className="mt-6 space-y-4">
      {error && <p role="alert" className="text-sm text-red-800">{error.message}</p>}
      {draft ? (
        <section className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" aria-label="Role editor">
          <label className="block text-sm">
            <span className="font-medium">Name</span>
            <input value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} className="mt-1 block w-72 rounded-md border border-slate-300 px-2 py-1" />
          </label>
          <label className="block text-sm">
            <span className="font-medium">Description</span>
            <input value={draft.description} onChange={(e) => setDraft({ ...draft, description: e.target.value })} className="mt-1 block w-full max-w-xl rounded-md border border-slate-300 px-2 py-1" />
          </label>
          <PermissionMatrix {...props} value={draft.permissions} onChange={(permissions) => setDraft({ ...draft, permissions })} />
          <div className="flex gap-2">
            <button type="button" onClick={save} disabled={create.isPending || update.isPending} className="rounded-md bg-canopy-600 px-4 py-1.5 text-sm font-medium text-white disabled:opacity-60">
              Save role
            </button>
            <button type="button" onClick={() => setDraft(null)} className="text-sm underline">
              Cancel
            </button>
          </div>
        </section>
      ) : (
        props.can.create && (
          <button type="button" onClick={() => setDraft({ roleId: null, name: "", description: "", permissions: [] })} className="rounded-md bg-canopy-600 px-4 py-2 font-medium text-white hover:bg-canopy-700">
            New role
          </button>
        )
      )}

      <table className="w-full rounded-lg border border-slate-200 bg-white text-left text-sm">
        <thead className="bg-slate-50 text-slate-600">
          <tr>
            <th scope="col" className="px-4 py-2 font-medium">Role</th>
            <th scope="col" className="px-4 py-2 font-medium">Permissions</th>
            <th scope="col" className="px-4 py-2 font-medium">Users</th>
            <th scope="col" className="px-4 py-2"><span className="sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          {roles.data.map((r) => (
            <tr key={r.id} className="border-t border-slate-100 align-top" data-testid="role-row">
              <td className="px-4 py-2">
                <p className="font-medium">
                  {r.name} {r.system && <span className="ml-1 rounded bg-slate-100 px-1.5 text-xs text-slate-600">system</span>}
                </p>
                <p className="text-slate-500">{r.description}</p>
              </td>
              <td className="px-4 py-2">{r.permissions.length}</td>
              <td className="px-4 py-2">{r.members}</td>
              <td className="px-4 py-2 text-right">
                {!r.system && props.can.update && (
                  <button type="button" onClick={() => setDraft({ roleId: r.id, name: r.name, description: r.description, permissions: r.permissions })} className="rounded-md border border-slate-300 px-2 py-1 text-xs">
                    Edit
                  </button>
                )}
                {!r.system && props.can.delete && (
                  confirmDelete === r.id ? (
                    <span className="ml-2 text-xs">
                      Delete “{r.name}”?{" "}
                      <button type="button" onClick={() => remove.mutate({ roleId: r.id }, { onSettled: () => setConfirmDelete(null) })} className="font-medium text-red-700 underline">
                        Delete
                      </button>{" "}
                      <button type="button" onClick={() => setConfirmDelete(null)} className="underline">
                        Cancel
                      </button>
                    </span>
                  ) : (
                    <button type="button" onClick={() => setConfirmDelete(r.id)} className="ml-2 rounded-md border border-slate-300 px-2 py-1 text-xs">
                      Delete
                    </button>
                  )
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
