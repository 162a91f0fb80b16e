"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/server/trpc/react";

type Selection = { selectedId?: string | null; onSelect?: (unit: { id: string; name: string }) => void };
type Props = Selection & {
  /** "tenant" starts at the tree's roots; "scope" at the caller's own scope roots. */
  from?: "tenant" | "scope";
};

/**
 * A lazily loaded tree: each level is fetched when its parent is first expanded. With `onSelect`,
 * a unit's name selects it and the arrow expands it.
 */
export function OrgUnitTree({ from = "tenant", ...selection }: Props) {
  return (
    <div role="tree" aria-label="Organisation units" className="mt-3">
      {from === "scope" ? <ScopeRoots selection={selection} /> : <Level parentId={null} depth={0} selection={selection} />}
    </div>
  );
}

function ScopeRoots({ selection }: { selection: Selection }) {
  const trpc = useTRPC();
  const { data, isPending, isError } = useQuery(trpc.orgUnit.scopeRoots.queryOptions());
  if (isPending) return <p className="py-1 text-sm text-slate-500">Loading…</p>;
  if (isError) return <p className="py-1 text-sm text-red-700" role="alert">Could not load organisation units.</p>;
  if (data.length === 0) return <p className="text-sm text-slate-500">No organisation units are in your scope yet; ask your administrator.</p>;
  return (
    <ul role="group">
      {data.map((unit) => (
        <Node key={unit.id} unit={unit} depth={0} selection={selection} />
      ))}
    </ul>
  );
}

function Level({ parentId, depth, selection }: { parentId: string | null; depth: number; selection: Selection }) {
  const trpc = useTRPC();
  const { data, isPending, isError } = useQuery(trpc.orgUnit.children.queryOptions({ parentId }));

  if (isPending) return <p className="py-1 text-sm text-slate-500" style={{ paddingLeft: depth * 20 }}>Loading…</p>;
  if (isError) return <p className="py-1 text-sm text-red-700" role="alert">Could not load organisation units.</p>;
  if (data.length === 0 && parentId === null) return <p className="text-sm text-slate-500">No organisation units yet.</p>;

  return (
    <ul role="group">
      {data.length >= CHILDREN_SHOWN && (
        <li className="py-1 text-xs text-slate-500" style={{ paddingLeft: depth * 20 + 4 }}>
          Only the first {CHILDREN_SHOWN.toLocaleString()} are listed here; search by name to find the others.
        </li>
      )}
      {data.map((unit) => (
        <Node key={unit.id} unit={unit} depth={depth} selection={selection} />
      ))}
    </ul>
  );
}

/** The server lists at most this many children of one unit (orgUnit.children). */
const CHILDREN_SHOWN = 2000;

type Unit = { id: string; name: string; code: string | null; level: number; childCount: number };

function Node({ unit, depth, selection }: { unit: Unit; depth: number; selection: Selection }) {
  const [open, setOpen] = useState(false);
  const expandable = unit.childCount > 0;
  const selected = selection.selectedId === unit.id;
  const { onSelect } = selection;
  return (
    <li role="treeitem" aria-expanded={expandable ? open : undefined} aria-selected={selected}>
      <div className={`flex items-center rounded text-sm ${selected ? "bg-canopy-100" : "hover:bg-canopy-50"}`} style={{ paddingLeft: depth * 20 + 4 }}>
        {onSelect ? (
          <>
            <button type="button" aria-label={`${open ? "Collapse" : "Expand"} ${unit.name}`} disabled={!expandable} onClick={() => setOpen((v) => !v)} className="w-5 py-1 text-slate-500">
              {expandable ? (open ? "▾" : "▸") : ""}
            </button>
            <button type="button" onClick={() => onSelect({ id: unit.id, name: unit.name })} className="flex-1 py-1 text-left">
              {unit.name} {expandable && <span className="text-xs text-slate-500">{unit.childCount}</span>}
            </button>
          </>
        ) : (
          <button type="button" onClick={() => expandable && setOpen((value) => !value)} className="flex w-full items-center gap-2 px-1 py-1 text-left">
            <span aria-hidden className="inline-block w-4 text-slate-500">
              {expandable ? (open ? "▾" : "▸") : ""}
            </span>
            <span>{unit.name}</span>
            {expandable && <span className="text-xs text-slate-500">{unit.childCount}</span>}
          </button>
        )}
      </div>
      {open && <Level parentId={unit.id} depth={depth + 1} selection={selection} />}
    </li>
  );
}
