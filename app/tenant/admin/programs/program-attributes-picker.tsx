"use client";

import type { TypeAttribute } from "./api-types";
import { describeRules } from "./value-types";

export type ProgramAttributeChoice = { attributeId: string; included: boolean; mandatory: boolean };

type Props = { attributes: TypeAttribute[]; choices: ProgramAttributeChoice[]; onChange: (choices: ProgramAttributeChoice[]) => void; error?: string };

/** Which of the type's attributes the program asks for at enrolment, and which of them it requires. */
export function ProgramAttributesPicker({ attributes, choices, onChange, error }: Props) {
  const byId = new Map(attributes.map((a) => [a.id, a]));
  const change = (attributeId: string, patch: Partial<ProgramAttributeChoice>) =>
    onChange(choices.map((c) => (c.attributeId === attributeId ? { ...c, ...patch } : c)));

  return (
    <fieldset>
      <legend className="font-medium">Attributes asked at enrolment</legend>
      {choices.length === 0 ? (
        <p className="mt-1 text-slate-500">This type has no attributes yet; add them under Tracked-entity types.</p>
      ) : (
        <table className="mt-1 w-full text-left">
          <thead className="text-xs text-slate-500">
            <tr>
              <th scope="col" className="py-1 pr-3 font-medium">Include</th>
              <th scope="col" className="py-1 pr-3 font-medium">Attribute</th>
              <th scope="col" className="py-1 font-medium">Mandatory in this program</th>
            </tr>
          </thead>
          <tbody>
            {choices.map((choice) => {
              const attribute = byId.get(choice.attributeId);
              if (!attribute) return null;
              return (
                <tr key={choice.attributeId} className="border-t border-slate-100">
                  <td className="py-1 pr-3">
                    <input
                      type="checkbox"
                      aria-label={`Include ${attribute.name}`}
                      checked={choice.included}
                      onChange={(e) => change(choice.attributeId, { included: e.target.checked })}
                    />
                  </td>
                  <td className="py-1 pr-3">
                    <span className="font-medium">{attribute.name}</span>{" "}
                    <span className="text-xs text-slate-500">
                      {describeRules(attribute)}
                      {attribute.identifying && " · identifying"}
                      {attribute.unique && " · unique"}
                    </span>
                  </td>
                  <td className="py-1">
                    <input
                      type="checkbox"
                      aria-label={`${attribute.name} is mandatory in this program`}
                      checked={choice.included && choice.mandatory}
                      disabled={!choice.included}
                      onChange={(e) => change(choice.attributeId, { mandatory: e.target.checked })}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {error && <p className="mt-1 text-xs text-red-800">{error}</p>}
    </fieldset>
  );
}
