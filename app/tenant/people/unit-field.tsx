"use client";

import { OrgUnitPicker, type PickedUnit } from "../admin/users/org-unit-picker";

/** Chooses one organisation unit; the server decides whether data may be recorded there and says why not. */
export function UnitField(props: { label: string; value: PickedUnit | null; onChange: (unit: PickedUnit | null) => void; hint?: string; error?: string }) {
  return (
    <div>
      <OrgUnitPicker label={props.label} value={props.value ? [props.value] : []} onChange={(units) => props.onChange(units.at(-1) ?? null)} />
      {props.hint && <p className="mt-1 text-xs text-slate-500">{props.hint}</p>}
      {props.error && <p className="mt-1 text-sm text-red-800">{props.error}</p>}
    </div>
  );
}
