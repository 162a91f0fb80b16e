"use client";

import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { Fragment, useEffect, useState } from "react";
import { useTRPC } from "@/server/trpc/react";
import { NewUserForm } from "./new-user-form";
import { RolesEditor } from "./roles-editor";
import { OrgUnitPicker, type PickedUnit } from "./org-unit-picker";
import { ScopesEditor } from "./scopes-editor";
import { UserDetailsEditor } from "./user-details-editor";
import { UserActions } from "./user-actions";

type Props = {
  /** The signed-in admin, whose own account cannot be disabled from here. */
  selfEmail: string;
  roles: { key: string; name: string }[];
  can: { create: boolean; update: boolean; resetTwoFactor: boolean };
};

export function UsersAdmin({ selfEmail, roles, can }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [searchText, setSearchText] = useState("");
  const [search, setSearch] = useState("");
  const [status, setStatus] = useState<"" | "active" | "disabled">("");
  const [roleKey, setRoleKey] = useState("");
  const [notice, setNotice] = useState<{ title: string; secret?: string } | null>(null);
  const [unitFilter, setUnitFilter] = useState<PickedUnit[]>([]);
  const [editing, setEditing] = useState<{ userId: string; what: "scopes" | "roles" | "details" } | null>(null);
  const toggleEditor = (userId: string, what: "scopes" | "roles" | "details") =>
    setEditing(editing?.userId === userId && editing.what === what ? null : { userId, what });

  useEffect(() => {
    const timer = setTimeout(() => setSearch(searchText.trim()), 250);
    return () => clearTimeout(timer);
  }, [searchText]);

  const filters = {
    search: search || undefined,
    status: status || undefined,
    roleKey: roleKey || undefined,
    orgUnitId: unitFilter[0]?.id,
    limit: 25,
  };
  const users = useInfiniteQuery(
    trpc.user.list.infiniteQueryOptions(filters, {
      getNextPageParam: (page) => page.next ?? undefined,
      // Keep showing the current rows while a new filter loads, instead of flashing "Loading".
      placeholderData: (previous) => previous,
    }),
  );
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.user.list.pathKey() });
  const create = useMutation(trpc.user.create.mutationOptions({ onSuccess: refresh }));
  const rows = users.data?.pages.flatMap((page) => page.users) ?? [];

  return (
    <div className="mt-6 space-y-4">
      {notice && (
        <div role="status" className="rounded-lg border border-canopy-600 bg-canopy-50 p-4">
          <p className="font-medium text-canopy-900">{notice.title}</p>
          {notice.secret && (
            <p className="mt-1 text-sm">
              Temporary password (shown only now; the user must change it at first sign-in):{" "}
              <code data-testid="temporary-password" className="select-all rounded bg-white px-1.5 py-0.5 font-mono">
                {notice.secret}
              </code>
            </p>
          )}
          <button type="button" onClick={() => setNotice(null)} className="mt-2 text-sm underline">
            Dismiss
          </button>
        </div>
      )}

      {can.create && (
        <NewUserForm
          roles={roles}
          pending={create.isPending}
          error={create.error?.message ?? null}
          onSubmit={async (values) => {
            const created = await create.mutateAsync(values);
            setNotice({ title: `${values.displayName} can now sign in as ${values.email}.`, secret: created.temporaryPassword });
            return true;
          }}
        />
      )}

      <div className="flex flex-wrap items-end gap-3">
        <label className="text-sm">
          <span className="block font-medium">Search</span>
          <input
            value={searchText}
            onChange={(e) => setSearchText(e.target.value)}
            placeholder="Name or email"
            className="mt-1 w-64 rounded-md border border-slate-300 bg-white px-3 py-1.5"
          />
        </label>
        <label className="text-sm">
          <span className="block font-medium">Status</span>
          <select value={status} onChange={(e) => setStatus(e.target.value as typeof status)} className="mt-1 rounded-md border border-slate-300 bg-white px-2 py-1.5">
            <option value="">Any</option>
            <option value="active">Active</option>
            <option value="disabled">Disabled</option>
          </select>
        </label>
        <label className="text-sm">
          <span className="block font-medium">Role</span>
          <select value={roleKey} onChange={(e) => setRoleKey(e.target.value)} className="mt-1 rounded-md border border-slate-300 bg-white px-2 py-1.5">
            <option value="">Any</option>
            {roles.map((r) => (
              <option key={r.key} value={r.key}>
                {r.name}
              </option>
            ))}
          </select>
        </label>
        <OrgUnitPicker label="Works in" value={unitFilter} onChange={(units) => setUnitFilter(units.slice(-1))} />
      </div>

      {users.isPending ? (
        <p className="text-slate-500">Loading users…</p>
      ) : users.isError ? (
        <p role="alert" className="text-red-700">Could not load users.</p>
      ) : rows.length === 0 ? (
        <p className="text-slate-500">No users match these filters.</p>
      ) : (
        <table className="w-full rounded-lg border border-slate-200 bg-white text-left text-sm">
          <thead className="bg-slate-50 text-slate-600">
            <tr>
              <th scope="col" className="px-4 py-2 font-medium">Name</th>
              <th scope="col" className="px-4 py-2 font-medium">Email</th>
              <th scope="col" className="px-4 py-2 font-medium">Roles</th>
              <th scope="col" className="px-4 py-2 font-medium">Status</th>
              <th scope="col" className="px-4 py-2"><span className="sr-only">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {rows.map((user) => (
              <Fragment key={user.id}>
              <tr className="border-t border-slate-100 align-top" data-testid="user-row">
                <td className="px-4 py-2">{user.displayName}</td>
                <td className="px-4 py-2">{user.email}</td>
                <td className="px-4 py-2">{user.roles.join(", ") || "—"}</td>
                <td className="px-4 py-2">
                  {user.status === "active" ? "Active" : <span className="text-red-700">Disabled</span>}
                  {user.twoFactor && <span className="ml-2 text-xs text-slate-500">2FA</span>}
                  {user.mustChangePassword && <span className="ml-2 text-xs text-slate-500">temporary password</span>}
                </td>
                <td className="px-4 py-2 text-right">
                  <div className="flex flex-wrap justify-end gap-1.5">
                    {can.update && (
                      <button type="button" onClick={() => toggleEditor(user.id, "details")} className="rounded-md border border-slate-300 px-2 py-1 text-xs hover:bg-slate-50">
                        Edit
                      </button>
                    )}
                    {can.update && (
                      <button type="button" onClick={() => toggleEditor(user.id, "roles")} className="rounded-md border border-slate-300 px-2 py-1 text-xs hover:bg-slate-50">
                        Roles
                      </button>
                    )}
                    <button type="button" onClick={() => toggleEditor(user.id, "scopes")} className="rounded-md border border-slate-300 px-2 py-1 text-xs hover:bg-slate-50">
                      Scopes
                    </button>
                    <UserActions user={user} self={user.email === selfEmail} can={can} onDone={(title, secret) => { setNotice({ title, secret }); void refresh(); }} />
                  </div>
                </td>
              </tr>
              {editing?.userId === user.id && (
                <tr>
                  <td colSpan={5} className="px-4 pb-3">
                    {editing.what === "scopes" ? (
                      <ScopesEditor userId={user.id} onClose={() => setEditing(null)} />
                    ) : editing.what === "details" ? (
                      <UserDetailsEditor user={user} onSaved={() => void refresh()} onClose={() => setEditing(null)} />
                    ) : (
                      <RolesEditor userId={user.id} roleIds={user.roleIds} onSaved={() => void refresh()} onClose={() => setEditing(null)} />
                    )}
                  </td>
                </tr>
              )}
              </Fragment>
            ))}
          </tbody>
        </table>
      )}
      {users.hasNextPage && (
        <button type="button" onClick={() => users.fetchNextPage()} disabled={users.isFetchingNextPage} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm">
          {users.isFetchingNextPage ? "Loading…" : "Show more"}
        </button>
      )}
    </div>
  );
}
