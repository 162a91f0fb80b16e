"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/server/trpc/react";

/** The record page's data, and a way to reload it (and its access log) after a change. */
export function useRecord(personId: string) {
  const trpc = useTRPC();
  return useQuery(
    trpc.record.get.queryOptions(
      { personId },
      // Not found is an answer, not a hiccup: retrying it only delays the page.
      { retry: (failures, error) => error.data?.code !== "NOT_FOUND" && failures < 1 },
    ),
  );
}

export function useRefreshRecord(personId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.record.get.queryKey({ personId }) }),
      queryClient.invalidateQueries({ queryKey: trpc.record.accessLog.pathKey() }),
    ]);
}
