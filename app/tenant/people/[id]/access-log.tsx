"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useTRPC } from "@/server/trpc/react";

const when = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "medium" });

/** Audit actions on a record, in the words of the page. */
const ACTIONS: Record<string, string> = {
  "record.read": "Opened the record",
  "record.registered": "Registered the person",
  "record.updated": "Changed details",
  "enrollment.created": "Enrolled the person",
  "enrollment.completed": "Completed an enrolment",
  "enrollment.reopened": "Reopened an enrolment",
  "enrollment.deleted": "Deleted an enrolment",
  "event.created": "Recorded an event",
  "event.updated": "Changed an event",
  "event.completed": "Completed an event",
  "event.deleted": "Deleted an event",
  "ownership.transferred": "Transferred ownership",
  "breakGlass.granted": "Broke the glass",
  "breakGlass.ended": "Ended emergency access",
};

/** "Who accessed this record", newest first, a page at a time (for those who read the audit trail). */
export function AccessLog({ personId }: { personId: string }) {
  const trpc = useTRPC();
  const log = useInfiniteQuery(trpc.record.accessLog.infiniteQueryOptions({ personId }, { getNextPageParam: (page) => page.nextCursor ?? undefined }));
  const items = log.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <section aria-labelledby="access-log-heading" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="access-log-heading" className="text-lg font-semibold">
        Who accessed this record
      </h2>
      {log.isPending ? (
        <p className="mt-2 text-sm text-slate-500">Loading…</p>
      ) : log.isError ? (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {log.error.message}
        </p>
      ) : items.length === 0 ? (
        <p className="mt-2 text-sm text-slate-500">No one yet.</p>
      ) : (
        <table className="mt-2 w-full text-left text-sm">
          <thead className="text-slate-600">
            <tr>
              <th scope="col" className="py-1 pr-3 font-medium">When</th>
              <th scope="col" className="py-1 pr-3 font-medium">Who</th>
              <th scope="col" className="py-1 pr-3 font-medium">What</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.id} className="border-t border-slate-100 align-top">
                <td className="py-1 pr-3 whitespace-nowrap">{when.format(new Date(item.at))}</td>
                <td className="py-1 pr-3">{item.actorName ?? "System"}</td>
                <td className="py-1 pr-3">
                  {ACTIONS[item.action] ?? item.action}
                  {item.underGrant && <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-900">Emergency access</span>}
                  {item.reason && <span className="text-slate-500"> — “{item.reason}”</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {log.hasNextPage && (
        <button type="button" onClick={() => log.fetchNextPage()} disabled={log.isFetchingNextPage} className="mt-2 rounded-md border border-slate-300 px-3 py-1.5 text-sm">
          {log.isFetchingNextPage ? "Loading…" : "Show older"}
        </button>
      )}
    </section>
  );
}
