"use client";

import { useId, useState } from "react";
import type { ChosenUnit } from "./add-units";

const PAGE_SIZE = 25;

/** The units a program runs at, filterable and paged (a national program can list a thousand facilities). */
export function ChosenUnits({ units, onRemove }: { units: ChosenUnit[]; onRemove: (ids: string[]) => void }) {
  const filterId = useId();
  const [filter, setFilter] = useState("");
  const [page, setPage] = useState(0);
  const needle = filter.trim().toLowerCase();
  const shown = needle ? units.filter((u) => u.name.toLowerCase().includes(needle)) : units;
  const pages = Math.max(1, Math.ceil(shown.length / PAGE_SIZE));
  const current = Math.min(page, pages - 1);
  const rows = shown.slice(current * PAGE_SIZE, (current + 1) * PAGE_SIZE);

  if (units.length === 0) return <p className="text-slate-500">No units chosen: nobody can enrol people in this program yet.</p>;

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor={filterId} className="block font-medium">
            Filter chosen units
          </label>
          <input
            id={filterId}
            value={filter}
            onChange={(e) => {
              setFilter(e.target.value);
              setPage(0);
            }}
            className="mt-1 w-56 rounded-md border border-slate-300 bg-white px-2 py-1"
          />
        </div>
        <button type="button" onClick={() => onRemove(shown.map((u) => u.id))} className="pb-1 text-red-800 underline">
          {needle ? `Remove the ${shown.length.toLocaleString()} matching units` : `Remove all ${units.length.toLocaleString()} units`}
        </button>
      </div>
      {shown.length === 0 ? (
        <p className="text-slate-500">No chosen unit matches “{filter.trim()}”.</p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-md border border-slate-200 bg-white" aria-label="Chosen units">
          {rows.map((unit) => (
            <li key={unit.id} className="flex items-center justify-between px-3 py-1">
              <span>{unit.name}</span>
              <button type="button" onClick={() => onRemove([unit.id])} className="text-slate-600 underline">
                Remove<span className="sr-only"> {unit.name}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {pages > 1 && (
        <nav aria-label="Pages of chosen units" className="flex items-center gap-3">
          <button type="button" disabled={current === 0} onClick={() => setPage(current - 1)} className="underline disabled:text-slate-400 disabled:no-underline">
            Previous
          </button>
          <span>
            Page {current + 1} of {pages}
          </span>
          <button type="button" disabled={current >= pages - 1} onClick={() => setPage(current + 1)} className="underline disabled:text-slate-400 disabled:no-underline">
            Next
          </button>
        </nav>
      )}
    </div>
  );
}
