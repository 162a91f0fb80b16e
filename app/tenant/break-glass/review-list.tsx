"use client";

import { useInfiniteQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/server/trpc/react";
import { GrantCard } from "./grant-card";

type Status = "pending" | "reviewed" | "all";

const FILTERS: [Status, string][] = [
  ["pending", "Waiting for review"],
  ["reviewed", "Reviewed"],
  ["all", "All"],
];

const EMPTY: Record<Status, string> = {
  pending: "No grants are waiting for review.",
  reviewed: "No grants have been reviewed yet.",
  all: "No one has broken the glass on records owned in your capture scope.",
};

/** Grants newest first, filtered by review status, a page at a time. */
export function ReviewList() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<Status>("pending");
  const grants = useInfiniteQuery(trpc.breakGlass.reviewList.infiniteQueryOptions({ status }, { getNextPageParam: (page) => page.nextCursor ?? undefined }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.breakGlass.reviewList.pathKey() });
  const items = grants.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <div className="mt-6 space-y-4">
      <fieldset className="flex flex-wrap gap-4 text-sm">
        <legend className="sr-only">Show</legend>
        {FILTERS.map(([value, label]) => (
          <label key={value} className="flex items-center gap-1.5">
            <input type="radio" name="status" value={value} checked={status === value} onChange={() => setStatus(value)} />
            {label}
          </label>
        ))}
      </fieldset>
      {grants.isPending ? (
        <p className="text-slate-500">Loading…</p>
      ) : grants.isError ? (
        <p role="alert" className="text-red-700">
          {grants.error.message}
        </p>
      ) : items.length === 0 ? (
        <p className="text-slate-500">{EMPTY[status]}</p>
      ) : (
        <ul className="space-y-3">
          {items.map((grant) => (
            <GrantCard key={grant.id} grant={grant} onReviewed={refresh} />
          ))}
        </ul>
      )}
      {grants.hasNextPage && (
        <button type="button" onClick={() => grants.fetchNextPage()} disabled={grants.isFetchingNextPage} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm">
          {grants.isFetchingNextPage ? "Loading…" : "Show older"}
        </button>
      )}
    </div>
  );
}
