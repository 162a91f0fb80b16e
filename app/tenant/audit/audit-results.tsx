"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useTRPC } from "@/server/trpc/react";
import type { AuditFilters } from "./api-types";
import { AuditEventRow } from "./audit-event-row";
import { errorText } from "./error-text";

/** The events matching the filters, 50 at a time, newest first. */
export function AuditResults({ filters }: { filters: AuditFilters }) {
  const trpc = useTRPC();
  const events = useInfiniteQuery(
    trpc.audit.list.infiniteQueryOptions(
      { filters, limit: 50 },
      {
        getNextPageParam: (page) => page.next ?? undefined,
        // Each first page is an audited read; a search runs when asked, not when the window regains focus.
        refetchOnWindowFocus: false,
        // Filters the server refused stay refused: say so at once rather than after a retry.
        retry: (failures, error) => error.data?.code !== "BAD_REQUEST" && failures < 1,
        // Keep showing the current rows while new filters load, instead of flashing "Loading".
        placeholderData: (previous) => previous,
      },
    ),
  );
  const rows = events.data?.pages.flatMap((page) => page.events) ?? [];

  if (events.isPending) return <p className="mt-4 text-slate-500">Loading events…</p>;
  if (events.isError) {
    return (
      <p role="alert" className="mt-4 text-red-700">
        {errorText(events.error)}
      </p>
    );
  }
  if (rows.length === 0) return <p className="mt-4 text-slate-500">No events match these filters.</p>;
  return (
    <>
      <table className="mt-4 w-full rounded-lg border border-slate-200 bg-white text-left text-sm" aria-busy={events.isFetching}>
        <thead className="bg-slate-50 text-slate-600">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">When</th>
            <th scope="col" className="px-3 py-2 font-medium">Who</th>
            <th scope="col" className="px-3 py-2 font-medium">Action</th>
            <th scope="col" className="px-3 py-2 font-medium">About</th>
            <th scope="col" className="px-3 py-2 font-medium">Outcome</th>
            <th scope="col" className="px-3 py-2"><span className="sr-only">Details</span></th>
          </tr>
        </thead>
        <tbody>
          {rows.map((event) => (
            <AuditEventRow key={event.id} event={event} />
          ))}
        </tbody>
      </table>
      {events.hasNextPage && (
        <button type="button" onClick={() => events.fetchNextPage()} disabled={events.isFetchingNextPage} className="mt-3 rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-50">
          {events.isFetchingNextPage ? "Loading…" : "Load more"}
        </button>
      )}
    </>
  );
}
