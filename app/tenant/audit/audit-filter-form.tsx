"use client";

import { useState, type FormEvent } from "react";
import { OrgUnitPicker } from "../admin/users/org-unit-picker";
import { ActionField } from "./action-field";
import { ActorField } from "./actor-field";
import { EMPTY_DRAFT, type FilterDraft } from "./filter-draft";
import { ProgramField } from "./program-field";

const input = "mt-1 rounded-md border border-slate-300 bg-white px-3 py-1.5";

/**
 * The filters, applied together when the form is submitted (Enter in any field, or the button),
 * so typing an id does not run a search per keystroke.
 */
export function AuditFilterForm({ can, onApply }: { can: { readUsers: boolean; readPrograms: boolean }; onApply: (draft: FilterDraft) => void }) {
  const [draft, setDraft] = useState<FilterDraft>(EMPTY_DRAFT);
  // Clearing also empties the search boxes the actor and unit pickers keep to themselves.
  const [clears, setClears] = useState(0);
  const set = <K extends keyof FilterDraft>(key: K) => (value: FilterDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const apply = (event: FormEvent) => {
    event.preventDefault();
    onApply(draft);
  };
  const clear = () => {
    setDraft(EMPTY_DRAFT);
    setClears((n) => n + 1);
    onApply(EMPTY_DRAFT);
  };

  return (
    <form onSubmit={apply} aria-label="Filter the audit trail" className="mt-6 space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <div className="flex flex-wrap items-end gap-3">
        <ActorField key={clears} value={draft.actorUserId} onChange={set("actorUserId")} canList={can.readUsers} />
        <ActionField value={draft.action} onChange={set("action")} />
        <label className="text-sm">
          <span className="block font-medium">Outcome</span>
          <select value={draft.outcome} onChange={(e) => set("outcome")(e.target.value as FilterDraft["outcome"])} className={`${input} px-2`}>
            <option value="">Any</option>
            <option value="success">Succeeded</option>
            <option value="failure">Failed</option>
          </select>
        </label>
      </div>
      <div className="flex flex-wrap items-end gap-3">
        <label className="text-sm">
          <span className="block font-medium">Subject type</span>
          <input value={draft.subjectType} onChange={(e) => set("subjectType")(e.target.value)} placeholder="e.g. user, trackedEntity" className={`${input} w-48`} />
        </label>
        <label className="text-sm">
          <span className="block font-medium">Subject id</span>
          <input value={draft.subjectId} onChange={(e) => set("subjectId")(e.target.value)} spellCheck={false} className={`${input} w-80 font-mono text-xs`} />
        </label>
        <label className="text-sm">
          <span className="block font-medium">Person id</span>
          <input value={draft.personId} onChange={(e) => set("personId")(e.target.value)} spellCheck={false} className={`${input} w-80 font-mono text-xs`} />
        </label>
      </div>
      <div className="flex flex-wrap items-end gap-3">
        <ProgramField value={draft.programId} onChange={set("programId")} canList={can.readPrograms} />
        <OrgUnitPicker key={clears} label="Organisation unit (exactly this unit)" value={draft.orgUnits} onChange={(units) => set("orgUnits")(units.slice(-1))} />
      </div>
      <div className="flex flex-wrap items-end gap-3">
        <label className="text-sm">
          <span className="block font-medium">From</span>
          <input type="datetime-local" value={draft.from} onChange={(e) => set("from")(e.target.value)} className={input} />
        </label>
        <label className="text-sm">
          <span className="block font-medium">To (not included)</span>
          <input type="datetime-local" value={draft.to} onChange={(e) => set("to")(e.target.value)} className={input} />
        </label>
        <div className="flex gap-2">
          <button type="submit" className="rounded-md bg-canopy-600 px-4 py-1.5 text-sm font-medium text-white hover:bg-canopy-700">
            Apply filters
          </button>
          <button type="button" onClick={clear} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-50">
            Clear
          </button>
        </div>
      </div>
    </form>
  );
}
