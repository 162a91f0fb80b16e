"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useId, useState } from "react";
import { useTRPC } from "@/server/trpc/react";
import { OrgUnitTree } from "../../org-unit-tree";

export type FoundUnit = { id: string; name: string };

/** Finds one organisation unit by name or code, or on the tree. */
export function UnitFinder({ onPick }: { onPick: (unit: FoundUnit) => void }) {
  const trpc = useTRPC();
  const inputId = useId();
  const [text, setText] = useState("");
  const [query, setQuery] = useState("");
  const [browsing, setBrowsing] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setQuery(text.trim()), 250);
    return () => clearTimeout(timer);
  }, [text]);
  const results = useQuery({ ...trpc.orgUnit.search.queryOptions({ query: query || "-", limit: 10 }), enabled: query.length > 0 });

  return (
    <div>
      <label htmlFor={inputId} className="font-medium">
        Find a unit
      </label>
      <div className="flex flex-wrap items-center gap-2">
        <input id={inputId} value={text} onChange={(e) => setText(e.target.value)} placeholder="Name or code" className="mt-1 w-72 rounded-md border border-slate-300 bg-white px-2 py-1" />
        <button type="button" onClick={() => setBrowsing((b) => !b)} aria-expanded={browsing} className="text-canopy-700 underline">
          {browsing ? "Hide tree" : "Browse tree"}
        </button>
      </div>
      {query && results.data && (
        <ul className="mt-1 max-w-xl rounded-md border border-slate-200 bg-white" aria-label="Matching units">
          {results.data.length === 0 && <li className="px-2 py-1 text-slate-500">No unit matches “{query}”.</li>}
          {results.data.map((unit) => (
            <li key={unit.id}>
              <button
                type="button"
                onClick={() => {
                  onPick({ id: unit.id, name: unit.name });
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
      {browsing && (
        <div className="mt-1 max-h-72 max-w-xl overflow-auto rounded-md border border-slate-200 bg-white p-1">
          <OrgUnitTree onSelect={onPick} />
        </div>
      )}
    </div>
  );
}
