"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/server/trpc/react";

/** Actions grouped by what comes before their first dot ("record.updated" is in "record."). */
function byFamily(actions: string[]) {
  const families = new Map<string, string[]>();
  const loose: string[] = [];
  for (const action of actions) {
    const dot = action.indexOf(".");
    if (dot < 0) loose.push(action);
    else families.set(action.slice(0, dot + 1), [...(families.get(action.slice(0, dot + 1)) ?? []), action]);
  }
  return { families: [...families.entries()], loose };
}

/** The actions used in this tenant's trail, singly or a whole family at once. */
export function ActionField({ value, onChange }: { value: string; onChange: (action: string) => void }) {
  const trpc = useTRPC();
  const actions = useQuery(trpc.audit.actions.queryOptions());
  const { families, loose } = byFamily(actions.data ?? []);
  return (
    <label className="text-sm">
      <span className="block font-medium">Action</span>
      <select value={value} onChange={(e) => onChange(e.target.value)} className="mt-1 w-64 rounded-md border border-slate-300 bg-white px-2 py-1.5">
        <option value="">{actions.isPending ? "Loading actions…" : "Any action"}</option>
        {loose.map((action) => (
          <option key={action} value={action}>
            {action}
          </option>
        ))}
        {families.map(([family, members]) => (
          <optgroup key={family} label={family}>
            {members.length > 1 && <option value={family}>Every {family}… action</option>}
            {members.map((action) => (
              <option key={action} value={action}>
                {action}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      {actions.isError && (
        <span role="alert" className="mt-1 block text-red-700">
          Could not load the action names.
        </span>
      )}
    </label>
  );
}
