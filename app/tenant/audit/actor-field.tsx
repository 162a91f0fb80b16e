"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTRPC } from "@/server/trpc/react";

/**
 * Who did it. Those who may read users search them by name or email and choose one; others
 * (auditors) paste the user's id, as it appears in an event's details.
 */
export function ActorField({ value, onChange, canList }: { value: string; onChange: (userId: string) => void; canList: boolean }) {
  if (!canList) {
    return (
      <label className="text-sm">
        <span className="block font-medium">Actor (user id)</span>
        <input value={value} onChange={(e) => onChange(e.target.value)} spellCheck={false} className="mt-1 w-80 rounded-md border border-slate-300 bg-white px-3 py-1.5 font-mono text-xs" />
      </label>
    );
  }
  return <UserChooser value={value} onChange={onChange} />;
}

function UserChooser({ value, onChange }: { value: string; onChange: (userId: string) => void }) {
  const trpc = useTRPC();
  const [text, setText] = useState("");
  const [search, setSearch] = useState("");
  // The chosen user stays an option while another search shows other people.
  const [chosen, setChosen] = useState<{ id: string; name: string } | null>(null);
  useEffect(() => {
    const timer = setTimeout(() => setSearch(text.trim()), 250);
    return () => clearTimeout(timer);
  }, [text]);
  const users = useQuery(trpc.user.list.queryOptions({ search: search || undefined, limit: 20 }));
  const options = (users.data?.users ?? []).map((u) => ({ id: u.id, name: `${u.displayName} (${u.email})` }));
  if (chosen && chosen.id === value && !options.some((o) => o.id === chosen.id)) options.unshift(chosen);

  return (
    <fieldset className="text-sm">
      <legend className="font-medium">Actor</legend>
      <div className="mt-1 flex gap-2">
        <input
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder="Name or email"
          aria-label="Search users"
          className="w-44 rounded-md border border-slate-300 bg-white px-3 py-1.5"
        />
        <select
          value={value}
          aria-label="Actor"
          onChange={(e) => {
            setChosen(options.find((o) => o.id === e.target.value) ?? null);
            onChange(e.target.value);
          }}
          className="w-64 rounded-md border border-slate-300 bg-white px-2 py-1.5"
        >
          <option value="">{users.isPending ? "Loading users…" : "Anyone"}</option>
          {options.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
      </div>
    </fieldset>
  );
}
