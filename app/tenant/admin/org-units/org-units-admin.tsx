"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTRPC } from "@/server/trpc/react";
import { OrgUnitTree } from "../../org-unit-tree";
import { ImportExport } from "./import-export";
import { LevelsAndGroups } from "./levels-and-groups";
import { UnitPanel } from "./unit-panel";

/** Find a unit by name or browse the tree; the chosen unit opens on the right. */
export function OrgUnitsAdmin({ can }: { can: { create: boolean; delete: boolean } }) {
  const trpc = useTRPC();
  const [selected, setSelected] = useState<string | null>(null);
  const [text, setText] = useState("");
  const [query, setQuery] = useState("");
  const [treeVersion, setTreeVersion] = useState(0);
  useEffect(() => {
    const timer = setTimeout(() => setQuery(text.trim()), 250);
    return () => clearTimeout(timer);
  }, [text]);
  const results = useQuery({ ...trpc.orgUnit.search.queryOptions({ query: query || "-", limit: 10 }), enabled: query.length > 0 });

  return (
    <>
    <div className="mt-6 grid gap-6 md:grid-cols-2">
      <div>
        <label className="block text-sm">
          <span className="font-medium">Find a unit</span>
          <input value={text} onChange={(e) => setText(e.target.value)} placeholder="Name or code" className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-1.5" />
        </label>
        {query && results.data && (
          <ul className="mt-1 rounded-md border border-slate-200 bg-white text-sm" aria-label="Matching units">
            {results.data.length === 0 && <li className="px-3 py-1 text-slate-500">No unit matches “{query}”.</li>}
            {results.data.map((unit) => (
              <li key={unit.id}>
                <button type="button" onClick={() => { setSelected(unit.id); setText(""); }} className="w-full px-3 py-1 text-left hover:bg-canopy-50">
                  {unit.pathNames}
                </button>
              </li>
            ))}
          </ul>
        )}
        <div className="mt-4 rounded-lg border border-slate-200 bg-white p-2">
          <OrgUnitTree key={treeVersion} selectedId={selected} onSelect={(unit) => setSelected(unit.id)} />
        </div>
      </div>
      <div>
        {selected ? (
          <UnitPanel
            id={selected}
            can={can}
            onSelect={setSelected}
            onTreeChanged={() => setTreeVersion((v) => v + 1)}
          />
        ) : (
          <p className="text-slate-500">Choose a unit to see and change it.</p>
        )}
      </div>
    </div>
    <LevelsAndGroups />
    {can.create && <ImportExport />}
    </>
  );
}
