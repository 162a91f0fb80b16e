"use client";

import { skipToken, useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/server/trpc/react";
import { CriteriaEditor, checkCriteria, firstCriterion, type Criterion } from "./criteria-editor";
import { SearchResults } from "./search-results";

const PAGE_SIZE = 25;

type Search = { trackedEntityTypeId: string; criteria: { attributeId: string; value: string }[] };

/** Search people of one type by attributes, a page at a time (keyset: each page starts after the last). */
export function PeopleSearch({ canBreakGlass }: { canBreakGlass: boolean }) {
  const trpc = useTRPC();
  const types = useQuery(trpc.program.types.queryOptions());
  const [chosenTypeId, setChosenTypeId] = useState<string | null>(null);
  const [rows, setRows] = useState<Criterion[] | null>(null);
  const [errors, setErrors] = useState<Record<number, string>>({});
  const [search, setSearch] = useState<Search | null>(null);
  // The cursor of every page so far; the last one is the page shown, so "Previous" pops.
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const cursor = cursors.at(-1) ?? null;
  const results = useQuery({
    ...trpc.record.search.queryOptions(search ? { ...search, cursor, limit: PAGE_SIZE } : skipToken),
    placeholderData: (previous) => previous,
    // A search runs when the user asks for it (each one is audited), not again on window focus.
    staleTime: Infinity,
  });

  if (types.isPending) return <p className="mt-6 text-slate-500">Loading…</p>;
  if (types.isError) return <p role="alert" className="mt-6 text-red-700">Could not load the kinds of record.</p>;
  if (types.data.length === 0) return <p className="mt-6 text-slate-500">No kinds of record are set up yet; ask your administrator.</p>;

  const type = types.data.find((t) => t.id === chosenTypeId) ?? types.data[0]!;
  const attributes = type.attributes.filter((a) => a.searchable || a.identifying);
  const criteria = rows ?? firstCriterion(attributes);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = checkCriteria(attributes, criteria);
    setErrors(found);
    if (Object.keys(found).length) return;
    setSearch({ trackedEntityTypeId: type.id, criteria: criteria.map(({ attributeId, value }) => ({ attributeId, value })) });
    setCursors([null]);
  }

  return (
    <div className="mt-6 space-y-6">
      <form onSubmit={submit} noValidate aria-label="Search people" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        {types.data.length > 1 && (
          <label className="block text-sm">
            <span className="font-medium">Kind of record</span>
            <select
              value={type.id}
              onChange={(e) => {
                setChosenTypeId(e.target.value);
                setRows(null);
                setErrors({});
              }}
              className="mt-1 block rounded-md border border-slate-300 bg-white px-2 py-1.5"
            >
              {types.data.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
          </label>
        )}
        {attributes.length === 0 ? (
          <p className="text-sm text-slate-500">No attribute of {type.name} can be searched; ask your administrator.</p>
        ) : (
          <>
            <CriteriaEditor attributes={attributes} rows={criteria} errors={errors} onChange={setRows} />
            <button type="submit" className="rounded-md bg-canopy-600 px-4 py-1.5 font-medium text-white hover:bg-canopy-700">
              Search
            </button>
          </>
        )}
      </form>

      {search &&
        (results.isPending ? (
          <p className="text-slate-500">Searching…</p>
        ) : results.isError ? (
          <p role="alert" className="text-red-700">
            {results.error.message}
          </p>
        ) : (
          <SearchResults
            result={results.data}
            attributes={type.attributes}
            identifying={attributes.filter((a) => a.identifying).map((a) => a.name)}
            shownBefore={(cursors.length - 1) * PAGE_SIZE}
            canBreakGlass={canBreakGlass}
            onNext={results.data.nextCursor ? () => setCursors([...cursors, results.data.nextCursor]) : undefined}
            onPrevious={cursors.length > 1 ? () => setCursors(cursors.slice(0, -1)) : undefined}
          />
        ))}
    </div>
  );
}
