"use client";

import { DataElementForm } from "./data-element-form";
import { buttonSecondary } from "./fields";
import type { Stage } from "./api-types";
import { StageForm } from "./stage-form";
import { describeRules } from "./value-types";

/** Which form is open on the page: one at a time keeps it readable. A null id means a new one. */
export type Editing = { kind: "stage"; id: string | null } | { kind: "element"; stageId: string; id: string | null } | null;

type Props = { programId: string; stage: Stage; position: number; editing: Editing; onEdit: (editing: Editing) => void };

/** One stage: its name and kind, its data elements, and their forms when open. */
export function StageCard({ programId, stage, position, editing, onEdit }: Props) {
  const close = () => onEdit(null);
  const addingElement = editing?.kind === "element" && editing.stageId === stage.id && editing.id === null;

  return (
    <article className="rounded-lg border border-slate-200 bg-white p-4" aria-labelledby={`stage-${stage.id}`} data-testid="stage">
      {editing?.kind === "stage" && editing.id === stage.id ? (
        <StageForm programId={programId} stage={stage} sortOrder={position} onDone={close} />
      ) : (
        <div className="flex flex-wrap items-start justify-between gap-2">
          <div>
            <h3 id={`stage-${stage.id}`} className="font-semibold">
              {stage.name} <span className="ml-1 text-xs font-normal text-slate-500">{stage.repeatable ? "repeatable" : "once per enrolment"}</span>
            </h3>
            {stage.description && <p className="text-slate-600">{stage.description}</p>}
          </div>
          <button type="button" onClick={() => onEdit({ kind: "stage", id: stage.id })} className={buttonSecondary}>
            Edit stage<span className="sr-only"> {stage.name}</span>
          </button>
        </div>
      )}

      {stage.dataElements.length === 0 ? (
        <p className="mt-3 text-slate-500">No data elements yet.</p>
      ) : (
        <table className="mt-3 w-full text-left">
          <thead className="text-xs text-slate-500">
            <tr>
              <th scope="col" className="py-1 pr-3 font-medium">Data element</th>
              <th scope="col" className="py-1 pr-3 font-medium">Value</th>
              <th scope="col" className="py-1 pr-3 font-medium">Mandatory</th>
              <th scope="col" className="py-1"><span className="sr-only">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {stage.dataElements.map((element, index) =>
              editing?.kind === "element" && editing.id === element.id ? (
                <tr key={element.id}>
                  <td colSpan={4} className="py-2">
                    <DataElementForm programId={programId} stageId={stage.id} element={element} sortOrder={index + 1} onDone={close} />
                  </td>
                </tr>
              ) : (
                <tr key={element.id} className="border-t border-slate-100">
                  <td className="py-1 pr-3">{element.name}</td>
                  <td className="py-1 pr-3 text-slate-600">{describeRules(element)}</td>
                  <td className="py-1 pr-3">{element.mandatory ? "Yes" : "No"}</td>
                  <td className="py-1 text-right">
                    <button type="button" onClick={() => onEdit({ kind: "element", stageId: stage.id, id: element.id })} className="text-canopy-700 underline">
                      Edit<span className="sr-only"> {element.name}</span>
                    </button>
                  </td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      )}

      <div className="mt-3">
        {addingElement ? (
          <DataElementForm programId={programId} stageId={stage.id} element={null} sortOrder={stage.dataElements.length + 1} onDone={close} />
        ) : (
          <button type="button" onClick={() => onEdit({ kind: "element", stageId: stage.id, id: null })} className={buttonSecondary}>
            Add data element<span className="sr-only"> to {stage.name}</span>
          </button>
        )}
      </div>
    </article>
  );
}
