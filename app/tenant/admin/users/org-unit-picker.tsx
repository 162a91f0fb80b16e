"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useId, useState } from "react";
import { useTRPC } from "@/server/trpc/react";
import { OrgUnitTree } from "../../org-unit-tree";

export type PickedUnit = { id: string; name: string };

/** Chooses organisation units by searching their names; each choice covers the unit and all below it. */
export function OrgUnitPicker({ label, value, onChange }: { label: string; value: PickedUnit[]; onChange: (units: PickedUnit[]) => void }) {
  const trpc = useTRPC();
  const inputId = useId();
  const [text, setText] = useState("");
  const [query, setQuery] = useState("");
  const [browsing, setBrowsing] = useState(false);
  const add = (unit: PickedUnit) => {
    if (!value.some((u) => u.id === unit.id)) onChange([...value, unit]);
  };
  useEffect(() => {
    const timer = setTimeout(() => setQuery(text.trim()), 250);
    return () => clearTimeout(timer);
  }, [text]);
  const results = useQuery({ ...trpc.orgUnit.search.queryOptions({ query: query || "-", limit: 8 }), enabled: query.length > 0 });

  return (
    <div className="text-sm">
      <label htmlFor={inputId} className="font-medium">
        {label}
      </label>
      <ul className="mt-1 flex flex-wrap gap-1.5" aria-label={`${label}: chosen units`}>
        {value.length === 0 && <li className="text-slate-500">None</li>}
        {value.map((unit) => (
          <li key={unit.id} className="flex items-center gap-1 rounded bg-canopy-100 px-2 py-0.5">
            {unit.name}
            <button type="button" aria-label={`Remove ${unit.name}`} onClick={() => onChange(value.filter((u) => u.id !== unit.id))} className="text-canopy-900">
              ×
            </button>
          </li>
        ))}
      </ul>
      <div className="flex items-center gap-2">
        <input id={inputId} value={text} onChange={(e) => setText(e.target.value)} placeholder="Search units to add" className="mt-1 w-72 rounded-md border border-slate-300 px-2 py-1" />
        <button type="button" onClick={() => setBrowsing((b) => !b)} className="text-canopy-700 underline">
          {browsing ? "Hide tree" : "Browse tree"}
        </button>
      </div>
      {browsing && (
        <div className="mt-1 max-h-72 max-w-xl overflow-auto rounded-md border border-slate-200 bg-white p-1">
          <OrgUnitTree onSelect={add} />
        </div>
      )}
      {query && results.data && (
        <ul className="mt-1 max-w-xl rounded-md border border-slate-200 bg-white" role="listbox" aria-label={`${label}: matching units`}>
          {results.data.length === 0 && <li className="px-2 py-1 text-slate-500">No unit matches “{query}”.</li>}
          {results.data.map((unit) => (
            <li key={unit.id}>
              <button
                type="button"
                role="option"
                aria-selected={value.some((u) => u.id === unit.id)}
                onClick={() => {
                  add({ id: unit.id, name: unit.name });
                  setText("");
                }}
                className="w-full px-2 py-1 text-left hover:bg-canopy-50"
              >
                {unit.pathNames}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
