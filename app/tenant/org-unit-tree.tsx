"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/server/trpc/react";

/** A lazily loaded tree: each level is fetched when its parent is first expanded. */
export function OrgUnitTree() {
  return (
    <div role="tree" aria-label="Organisation units" className="mt-3">
      <Level parentId={null} depth={0} />
    </div>
  );
}

function Level({ parentId, depth }: { parentId: string | null; depth: number }) {
  const trpc = useTRPC();
  const { data, isPending, isError } = useQuery(trpc.orgUnit.children.queryOptions({ parentId }));

  if (isPending) return <p className="py-1 text-sm text-slate-500" style={{ paddingLeft: depth * 20 }}>Loading…</p>;
  if (isError) return <p className="py-1 text-sm text-red-700" role="alert">Could not load organisation units.</p>;
  if (data.length === 0 && parentId === null) return <p className="text-sm text-slate-500">No organisation units yet.</p>;

  return (
    <ul role="group">
      {data.map((unit) => (
        <Node key={unit.id} unit={unit} depth={depth} />
      ))}
    </ul>
  );
}

type Unit = { id: string; name: string; code: string | null; level: number; childCount: number };

function Node({ unit, depth }: { unit: Unit; depth: number }) {
  const [open, setOpen] = useState(false);
  const expandable = unit.childCount > 0;
  return (
    <li role="treeitem" aria-expanded={expandable ? open : undefined} aria-selected={false}>
      <button
        type="button"
        onClick={() => expandable && setOpen((value) => !value)}
        className="flex w-full items-center gap-2 rounded px-1 py-1 text-left text-sm hover:bg-canopy-50"
        style={{ paddingLeft: depth * 20 + 4 }}
      >
        <span aria-hidden className="inline-block w-4 text-slate-500">
          {expandable ? (open ? "▾" : "▸") : ""}
        </span>
        <span>{unit.name}</span>
        {expandable && <span className="text-xs text-slate-500">{unit.childCount}</span>}
      </button>
      {open && <Level parentId={unit.id} depth={depth + 1} />}
    </li>
  );
}
