"use client";

import { buttonSecondary } from "../fields";
import type { TrackedEntityType } from "../api-types";
import { describeRules } from "../value-types";
import { AttributeForm } from "./attribute-form";
import { TypeForm } from "./type-form";
import type { Can } from "./types-admin";

/** Which form is open on the page. A null id means a new one. */
export type TypeEditing = { kind: "type"; id: string | null } | { kind: "attribute"; typeId: string; id: string | null } | null;

type Props = { type: TrackedEntityType; can: Can; editing: TypeEditing; onEdit: (editing: TypeEditing) => void };

const flagsOf = (a: { mandatory: boolean; unique: boolean; searchable: boolean; identifying: boolean }) =>
  [a.mandatory && "mandatory", a.unique && "unique", a.searchable && "searchable", a.identifying && "identifying"].filter(Boolean).join(", ") || "none";

/** One type: its name, its attributes and their forms when open. */
export function TypeCard({ type, can, editing, onEdit }: Props) {
  const close = () => onEdit(null);
  const adding = editing?.kind === "attribute" && editing.typeId === type.id && editing.id === null;

  return (
    <article className="rounded-lg border border-slate-200 bg-white p-4" aria-labelledby={`type-${type.id}`} data-testid="type">
      {editing?.kind === "type" && editing.id === type.id ? (
        <TypeForm type={type} onDone={close} />
      ) : (
        <div className="flex flex-wrap items-start justify-between gap-2">
          <div>
            <h2 id={`type-${type.id}`} className="text-lg font-semibold">
              {type.name}
            </h2>
            {type.description && <p className="text-slate-600">{type.description}</p>}
          </div>
          {can.update && (
            <button type="button" onClick={() => onEdit({ kind: "type", id: type.id })} className={buttonSecondary}>
              Edit type<span className="sr-only"> {type.name}</span>
            </button>
          )}
        </div>
      )}

      {type.attributes.length === 0 ? (
        <p className="mt-3 text-slate-500">No attributes yet.</p>
      ) : (
        <table className="mt-3 w-full text-left">
          <thead className="text-xs text-slate-500">
            <tr>
              <th scope="col" className="py-1 pr-3 font-medium">Attribute</th>
              <th scope="col" className="py-1 pr-3 font-medium">Value</th>
              <th scope="col" className="py-1 pr-3 font-medium">Rules</th>
              <th scope="col" className="py-1"><span className="sr-only">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {type.attributes.map((attribute) =>
              editing?.kind === "attribute" && editing.id === attribute.id ? (
                <tr key={attribute.id}>
                  <td colSpan={4} className="py-2">
                    <AttributeForm typeId={type.id} attribute={attribute} sortOrder={attribute.sortOrder} onDone={close} />
                  </td>
                </tr>
              ) : (
                <tr key={attribute.id} className="border-t border-slate-100">
                  <td className="py-1 pr-3">{attribute.name}</td>
                  <td className="py-1 pr-3 text-slate-600">{describeRules(attribute)}</td>
                  <td className="py-1 pr-3 text-slate-600">{flagsOf(attribute)}</td>
                  <td className="py-1 text-right">
                    {can.update && (
                      <button type="button" onClick={() => onEdit({ kind: "attribute", typeId: type.id, id: attribute.id })} className="text-canopy-700 underline">
                        Edit<span className="sr-only"> {attribute.name}</span>
                      </button>
                    )}
                  </td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      )}

      {/* The API asks for create rights on a new attribute, update rights on a changed one. */}
      {can.create && (
        <div className="mt-3">
          {adding ? (
            <AttributeForm typeId={type.id} attribute={null} sortOrder={(type.attributes.at(-1)?.sortOrder ?? 0) + 1} onDone={close} />
          ) : (
            <button type="button" onClick={() => onEdit({ kind: "attribute", typeId: type.id, id: null })} className={buttonSecondary}>
              Add attribute<span className="sr-only"> to {type.name}</span>
            </button>
          )}
        </div>
      )}
    </article>
  );
}
