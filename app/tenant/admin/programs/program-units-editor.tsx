"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { setOrgUnitsInput } from "@/server/trpc/routers/program/program.schema";
import { useTRPC } from "@/server/trpc/react";
import { AddUnits, type ChosenUnit } from "./add-units";
import { ChosenUnits } from "./chosen-units";
import { buttonPrimary } from "./fields";
import { check, ServerError } from "./form-errors";
import { UnitFinder, type FoundUnit } from "./unit-finder";

const byName = (a: ChosenUnit, b: ChosenUnit) => a.name.localeCompare(b.name);

/** Where a program runs: units are gathered here and the whole set is saved at once (setOrgUnits). */
export function ProgramUnitsEditor({ programId, initial }: { programId: string; initial: ChosenUnit[] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const save = useMutation(trpc.program.setOrgUnits.mutationOptions());
  const [units, setUnits] = useState<ChosenUnit[]>(initial);
  const [picked, setPicked] = useState<FoundUnit | null>(null);
  const [dirty, setDirty] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [invalid, setInvalid] = useState<string | null>(null);

  function add(found: ChosenUnit[]) {
    const have = new Set(units.map((u) => u.id));
    const fresh = found.filter((u) => !have.has(u.id));
    setUnits([...units, ...fresh].sort(byName));
    setDirty(dirty || fresh.length > 0);
    const already = found.length - fresh.length;
    setNotice(
      found.length === 0
        ? "There are no units at that level under it."
        : `Added ${fresh.length.toLocaleString()} unit(s)${already ? `; ${already.toLocaleString()} were already chosen` : ""}. Save to apply.`,
    );
  }

  function remove(ids: string[]) {
    const gone = new Set(ids);
    setUnits(units.filter((u) => !gone.has(u.id)));
    setDirty(true);
    setNotice(`Removed ${ids.length.toLocaleString()} unit(s). Save to apply.`);
  }

  async function submit() {
    const result = check(setOrgUnitsInput, { programId, orgUnitIds: units.map((u) => u.id) });
    setInvalid(result.errors ? Object.values(result.errors)[0]! : null);
    if (!result.data) return;
    try {
      const { count } = await save.mutateAsync(result.data);
      await queryClient.invalidateQueries({ queryKey: trpc.program.pathKey() });
      setDirty(false);
      setNotice(`Saved: the program runs at ${count.toLocaleString()} unit(s).`);
    } catch {
      // Shown from save.error; the saved set is unchanged.
    }
  }

  return (
    <div className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 text-sm">
      <p>
        <span className="font-medium" data-testid="chosen-unit-count">
          {units.length.toLocaleString()} unit(s) chosen
        </span>
        {dirty && <span className="ml-2 rounded bg-amber-100 px-1.5 text-xs text-amber-900">unsaved changes</span>}
      </p>
      <UnitFinder onPick={setPicked} />
      {picked && <AddUnits key={picked.id} unit={picked} onAdd={add} onClose={() => setPicked(null)} />}
      {notice && (
        <p role="status" className="text-canopy-900">
          {notice}
        </p>
      )}
      <ChosenUnits units={units} onRemove={remove} />
      {invalid && (
        <p role="alert" className="text-red-800">
          {invalid}
        </p>
      )}
      <ServerError error={save.error} />
      <button type="button" onClick={submit} disabled={save.isPending || !dirty} className={buttonPrimary}>
        {save.isPending ? "Saving…" : "Save units"}
      </button>
    </div>
  );
}
