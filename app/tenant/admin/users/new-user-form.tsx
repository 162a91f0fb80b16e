"use client";

import { useState, type FormEvent } from "react";

type Values = { email: string; displayName: string; roleKeys: string[] };

export function NewUserForm(props: {
  roles: { key: string; name: string }[];
  pending: boolean;
  error: string | null;
  onSubmit: (values: Values) => Promise<boolean>;
}) {
  const [open, setOpen] = useState(false);
  const [roleKeys, setRoleKeys] = useState<string[]>([]);

  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)} className="rounded-md bg-canopy-600 px-4 py-2 font-medium text-white hover:bg-canopy-700">
        New user
      </button>
    );
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const ok = await props
      .onSubmit({ email: String(form.get("email") ?? ""), displayName: String(form.get("displayName") ?? ""), roleKeys })
      .catch(() => false);
    if (ok) {
      setOpen(false);
      setRoleKeys([]);
    }
  }

  return (
    <form onSubmit={submit} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" aria-label="New user">
      <div className="grid gap-3 sm:grid-cols-2">
        <label className="text-sm">
          <span className="block font-medium">Name</span>
          <input name="displayName" required className="mt-1 w-full rounded-md border border-slate-300 px-3 py-1.5" />
        </label>
        <label className="text-sm">
          <span className="block font-medium">Email</span>
          <input name="email" type="email" required className="mt-1 w-full rounded-md border border-slate-300 px-3 py-1.5" />
        </label>
      </div>
      <fieldset className="text-sm">
        <legend className="font-medium">Roles</legend>
        <div className="mt-1 flex flex-wrap gap-4">
          {props.roles.map((r) => (
            <label key={r.key} className="flex items-center gap-1.5">
              <input
                type="checkbox"
                checked={roleKeys.includes(r.key)}
                onChange={(e) => setRoleKeys((keys) => (e.target.checked ? [...keys, r.key] : keys.filter((k) => k !== r.key)))}
              />
              {r.name}
            </label>
          ))}
        </div>
      </fieldset>
      {props.error && (
        <p role="alert" className="text-sm text-red-800">
          {props.error}
        </p>
      )}
      <div className="flex gap-2">
        <button type="submit" disabled={props.pending} className="rounded-md bg-canopy-600 px-4 py-1.5 font-medium text-white hover:bg-canopy-700 disabled:opacity-60">
          {props.pending ? "Creating…" : "Create user"}
        </button>
        <button type="button" onClick={() => setOpen(false)} className="rounded-md px-3 py-1.5 text-sm underline">
          Cancel
        </button>
      </div>
    </form>
  );
}
