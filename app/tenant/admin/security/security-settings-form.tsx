"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState, type FormEvent } from "react";
import { useTRPC } from "@/server/trpc/react";

type Roles = { key: string; name: string }[];
type Settings = {
  allowedEmailDomains: string[];
  password: { minLength: number; requireComposition: boolean; historySize: number; maxAgeDays: number | null };
  session: { idleMinutes: number; absoluteHours: number };
  twoFactor: { required: "everyone" | "roles" | "none"; roles: string[] };
};

const inputClass = "mt-1 w-28 rounded-md border border-slate-300 bg-white px-2 py-1.5";

/** The tenant's sign-in rules; saving replaces them as a whole and is audited. */
export function SecuritySettingsForm({ roles }: { roles: Roles }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const current = useQuery(trpc.tenantSettings.security.queryOptions());
  const save = useMutation(
    trpc.tenantSettings.updateSecurity.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.tenantSettings.security.queryKey() }),
    }),
  );
  const [draft, setDraft] = useState<Settings | null>(null);
  const [domains, setDomains] = useState("");
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    if (current.data && !draft) {
      setDraft(current.data);
      setDomains(current.data.allowedEmailDomains.join(", "));
    }
  }, [current.data, draft]);

  if (!draft) return <p className="mt-2 text-slate-500">Loading settings…</p>;
  const update = (change: (d: Settings) => Settings) => {
    setSaved(false);
    setDraft((d) => (d ? change(d) : d));
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      await save.mutateAsync({ ...draft!, allowedEmailDomains: domains.split(/[\s,]+/).filter(Boolean) });
      setSaved(true);
    } catch {
      // The message is shown from save.error; nothing was changed.
    }
  }

  return (
    // The server's messages are the precise ones, so the browser's own validation is off.
    <form onSubmit={submit} noValidate className="mt-3 space-y-5 rounded-lg border border-slate-200 bg-white p-4 text-sm" aria-label="Security settings">
      <fieldset>
        <legend className="font-medium">Two-factor authentication is required for</legend>
        <div className="mt-1 flex flex-wrap gap-4">
          {(["everyone", "roles", "none"] as const).map((value) => (
            <label key={value} className="flex items-center gap-1.5">
              <input type="radio" name="twoFactor" checked={draft.twoFactor.required === value} onChange={() => update((d) => ({ ...d, twoFactor: { ...d.twoFactor, required: value } }))} />
              {value === "everyone" ? "Everyone" : value === "roles" ? "These roles:" : "No one"}
            </label>
          ))}
        </div>
        {draft.twoFactor.required === "roles" && (
          <div className="mt-2 flex flex-wrap gap-4 pl-5">
            {roles.map((r) => (
              <label key={r.key} className="flex items-center gap-1.5">
                <input
                  type="checkbox"
                  checked={draft.twoFactor.roles.includes(r.key)}
                  onChange={(e) =>
                    update((d) => ({
                      ...d,
                      twoFactor: { ...d.twoFactor, roles: e.target.checked ? [...d.twoFactor.roles, r.key] : d.twoFactor.roles.filter((k) => k !== r.key) },
                    }))
                  }
                />
                {r.name}
              </label>
            ))}
          </div>
        )}
      </fieldset>

      <fieldset className="flex flex-wrap gap-6">
        <legend className="mb-1 font-medium">Passwords</legend>
        <label>
          Minimum length
          <input type="number" min={8} max={64} value={draft.password.minLength} onChange={(e) => update((d) => ({ ...d, password: { ...d.password, minLength: Number(e.target.value) } }))} className={`block ${inputClass}`} />
        </label>
        <label>
          Remember last
          <input type="number" min={0} max={24} value={draft.password.historySize} onChange={(e) => update((d) => ({ ...d, password: { ...d.password, historySize: Number(e.target.value) } }))} className={`block ${inputClass}`} />
        </label>
        <label>
          Expire after (days, empty = never)
          <input
            type="number"
            min={30}
            value={draft.password.maxAgeDays ?? ""}
            onChange={(e) => update((d) => ({ ...d, password: { ...d.password, maxAgeDays: e.target.value ? Number(e.target.value) : null } }))}
            className={`block ${inputClass}`}
          />
        </label>
        <label className="flex items-center gap-1.5 self-end pb-2">
          <input type="checkbox" checked={draft.password.requireComposition} onChange={(e) => update((d) => ({ ...d, password: { ...d.password, requireComposition: e.target.checked } }))} />
          Require upper and lower case, a digit and a symbol (not recommended by NIST)
        </label>
      </fieldset>

      <fieldset className="flex flex-wrap gap-6">
        <legend className="mb-1 font-medium">Sessions</legend>
        <label>
          End after idle (minutes)
          <input type="number" min={5} max={1440} value={draft.session.idleMinutes} onChange={(e) => update((d) => ({ ...d, session: { ...d.session, idleMinutes: Number(e.target.value) } }))} className={`block ${inputClass}`} />
        </label>
        <label>
          End after (hours) in any case
          <input type="number" min={1} max={168} value={draft.session.absoluteHours} onChange={(e) => update((d) => ({ ...d, session: { ...d.session, absoluteHours: Number(e.target.value) } }))} className={`block ${inputClass}`} />
        </label>
      </fieldset>

      <label className="block">
        <span className="font-medium">Allowed email domains</span> <span className="text-slate-500">(empty = any)</span>
        <input value={domains} onChange={(e) => { setSaved(false); setDomains(e.target.value); }} placeholder="moh.gov.sl, health.gov.sl" className="mt-1 block w-full max-w-md rounded-md border border-slate-300 bg-white px-3 py-1.5" />
      </label>

      {save.error && (
        <p role="alert" className="text-red-800">
          {save.error.message}
        </p>
      )}
      {saved && <p role="status" className="text-canopy-900">Saved. New rules apply from each user&apos;s next sign-in or password change.</p>}
      <button type="submit" disabled={save.isPending} className="rounded-md bg-canopy-600 px-4 py-1.5 font-medium text-white hover:bg-canopy-700 disabled:opacity-60">
        {save.isPending ? "Saving…" : "Save settings"}
      </button>
    </form>
  );
}
