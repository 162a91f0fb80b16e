"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { displayValue } from "@/server/records/value-schema";
import { BreakGlassPrompt } from "./break-glass-dialog";
import { AccessBadge } from "./access-badge";
import { personName, summaryAttributes } from "./person-fields";
import type { SearchResult, TypeAttribute } from "./record-types";

/**
 * One page of matches. Protected matches carry nothing but their program: the caller may break
 * the glass on them, and learns nothing else about the person until then.
 */
export function SearchResults(props: {
  result: SearchResult;
  attributes: readonly TypeAttribute[];
  /** Names of the identifying attributes, to say which would widen the search. */
  identifying: string[];
  /** How many matches the earlier pages showed. */
  shownBefore: number;
  canBreakGlass: boolean;
  onNext?: () => void;
  onPrevious?: () => void;
}) {
  const router = useRouter();
  const { result, attributes } = props;
  const columns = summaryAttributes(attributes);
  const empty = result.people.length === 0 && result.protectedMatches.length === 0;

  return (
    <section aria-label="Search results" className="space-y-3">
      {!result.beyondCapture && (
        <p role="status" className="rounded-md border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-900">
          Searching only your capture scope: add an identifying attribute
          {props.identifying.length > 0 && ` (e.g. ${props.identifying[0]})`} or at least {result.searchMinAttributes} attributes to search your whole search
          scope.
        </p>
      )}
      {empty ? (
        <p role="status" className="text-slate-600">
          No one matches this search. Check the spelling, or search by other attributes.
        </p>
      ) : (
        <table className="w-full rounded-lg border border-slate-200 bg-white text-left text-sm">
          <thead className="bg-slate-50 text-slate-600">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">Name</th>
              {columns.map((a) => (
                <th key={a.id} scope="col" className="px-3 py-2 font-medium">
                  {a.name}
                </th>
              ))}
              <th scope="col" className="px-3 py-2 font-medium">Registered at</th>
              <th scope="col" className="px-3 py-2 font-medium">Programs (owner)</th>
            </tr>
          </thead>
          <tbody>
            {result.people.map((person) => (
              <tr key={person.id} className="border-t border-slate-100 align-top" data-testid="person-row">
                <td className="px-3 py-2">
                  <Link href={`/people/${person.id}`} className="font-medium text-canopy-700 hover:underline">
                    {personName(attributes, person.attributes)}
                  </Link>
                </td>
                {columns.map((a) => (
                  <td key={a.id} className="px-3 py-2">
                    {person.attributes[a.id] ? displayValue(a, person.attributes[a.id]!) : "—"}
                  </td>
                ))}
                <td className="px-3 py-2">{person.registrationUnitName}</td>
                <td className="px-3 py-2">
                  {person.programs.length === 0 ? (
                    <span className="text-slate-500">Not enrolled</span>
                  ) : (
                    <ul className="space-y-0.5">
                      {person.programs.map((p) => (
                        <li key={p.programId}>
                          {p.programName} <AccessBadge level={p.accessLevel} /> <span className="text-slate-500">({p.ownerUnitName})</span>
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
            {result.protectedMatches.map((match) => (
              <tr key={`${match.personId}:${match.programId}`} className="border-t border-slate-100 bg-amber-50" data-testid="protected-match">
                <td colSpan={columns.length + 3} className="px-3 py-2">
                  <div className="flex flex-wrap items-center justify-between gap-3">
                    <p>
                      <span className="font-medium">This record is protected</span>{" "}
                      <span className="text-slate-600">· {match.programName}</span>
                    </p>
                    {props.canBreakGlass ? (
                      <BreakGlassPrompt target={match} onGranted={() => router.push(`/people/${match.personId}`)} />
                    ) : (
                      <span className="text-slate-600">Only staff of the owning unit can open it.</span>
                    )}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {result.more && (
        <p role="status" className="text-sm text-slate-700">
          More than {props.shownBefore + result.people.length} matches — add another attribute to narrow the search.
        </p>
      )}
      {(props.onPrevious || props.onNext) && (
        <div className="flex gap-2">
          {props.onPrevious && (
            <button type="button" onClick={props.onPrevious} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-50">
              Previous page
            </button>
          )}
          {props.onNext && (
            <button type="button" onClick={props.onNext} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-50">
              Next page
            </button>
          )}
        </div>
      )}
    </section>
  );
}
