"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTRPC } from "@/server/trpc/react";
import { buttonSecondary } from "./fields";
import type { FoundUnit } from "./unit-finder";
import { unitsAtLevel } from "./units-at-level";

export type ChosenUnit = { id: string; name: string };

type Props = { unit: FoundUnit; onAdd: (units: ChosenUnit[]) => void; onClose: () => void };

/** For a unit just found: add it alone, or add every unit at a lower level beneath it (all its facilities, say). */
export function AddUnits({ unit, onAdd, onClose }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const levelSelectId = useId();
  const details = useQuery(trpc.orgUnit.get.queryOptions({ id: unit.id }));
  const levels = useQuery(trpc.orgUnit.levels.queryOptions());
  const [chosenLevel, setChosenLevel] = useState<number | null>(null);
  const [walking, setWalking] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);

  const lower = (levels.data ?? []).filter((l) => details.data && l.level > details.data.level);
  // The deepest level is where the facilities are, which is what a program usually runs at.
  const level = chosenLevel ?? lower.at(-1)?.level ?? null;
  const levelName = (lower.find((l) => l.level === level)?.name ?? `level ${level}`).toLowerCase();

  async function addAllBelow() {
    if (level === null) return;
    setWalking(true);
    setFailed(null);
    try {
      const found = await unitsAtLevel(unit.id, level, (parentId) => queryClient.fetchQuery(trpc.orgUnit.children.queryOptions({ parentId })));
      onAdd(found.map(({ id, name }) => ({ id, name })));
    } catch (error) {
      setFailed(error instanceof Error ? error.message : "Could not list the units.");
    } finally {
      setWalking(false);
    }
  }

  return (
    <div className="mt-2 space-y-2 rounded-md border border-slate-200 bg-slate-50 p-3" role="group" aria-label={`Add ${unit.name}`}>
      <p>
        <span className="font-medium">{unit.name}</span>
        {details.data && (
          <span className="text-slate-500">
            {" "}
            · {details.data.levelName} · {details.data.descendants.toLocaleString()} unit(s) below
          </span>
        )}
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <button type="button" onClick={() => onAdd([unit])} className={buttonSecondary}>
          Add {unit.name}
        </button>
        {lower.length > 0 && level !== null && (
          <>
            <span className="text-slate-500">or</span>
            <button type="button" onClick={addAllBelow} disabled={walking} className={buttonSecondary}>
              {walking ? "Finding units…" : `Add every ${levelName} under it`}
            </button>
            <label htmlFor={levelSelectId} className="sr-only">
              Level to add
            </label>
            <select id={levelSelectId} value={level} onChange={(e) => setChosenLevel(Number(e.target.value))} className="rounded-md border border-slate-300 bg-white px-2 py-1">
              {lower.map((l) => (
                <option key={l.level} value={l.level}>
                  {l.name}
                </option>
              ))}
            </select>
          </>
        )}
        <button type="button" onClick={onClose} className="underline">
          Close
        </button>
      </div>
      {failed && (
        <p role="alert" className="text-red-800">
          {failed}
        </p>
      )}
    </div>
  );
}
