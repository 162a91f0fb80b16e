"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/server/trpc/react";

const when = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

export function SessionList() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const sessions = useQuery(trpc.session.list.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.session.list.queryKey() });
  const end = useMutation(trpc.session.end.mutationOptions({ onSuccess: refresh }));
  const endOthers = useMutation(trpc.session.endOthers.mutationOptions({ onSuccess: refresh }));
  const [confirming, setConfirming] = useState(false);

  if (sessions.isPending) return <p className="mt-6 text-slate-500">Loading sessions…</p>;
  if (sessions.isError) return <p role="alert" className="mt-6 text-red-700">Could not load your sessions.</p>;

  const others = sessions.data.filter((row) => !row.current).length;
  const failure = end.error ?? endOthers.error;

  return (
    <section className="mt-6">
      <table className="w-full overflow-hidden rounded-lg border border-slate-200 bg-white text-left text-sm">
        <thead className="bg-slate-50 text-slate-600">
          <tr>
            <th scope="col" className="px-4 py-2 font-medium">Browser</th>
            <th scope="col" className="px-4 py-2 font-medium">IP address</th>
            <th scope="col" className="px-4 py-2 font-medium">Signed in</th>
            <th scope="col" className="px-4 py-2 font-medium">Last active</th>
            <th scope="col" className="px-4 py-2"><span className="sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          {sessions.data.map((row) => (
            <tr key={row.id} className="border-t border-slate-100" data-testid="session-row">
              <td className="px-4 py-2">
                {row.browser}
                {row.current && (
                  <span className="ml-2 rounded bg-canopy-100 px-1.5 py-0.5 text-xs font-medium text-canopy-900">
                    This session
                  </span>
                )}
              </td>
              <td className="px-4 py-2 font-mono text-xs">{row.ip ?? "unknown"}</td>
              <td className="px-4 py-2">{when.format(new Date(row.createdAt))}</td>
              <td className="px-4 py-2">{when.format(new Date(row.lastSeenAt))}</td>
              <td className="px-4 py-2 text-right">
                {!row.current && (
                  <button
                    type="button"
                    disabled={end.isPending}
                    onClick={() => end.mutate({ sessionId: row.id })}
                    className="rounded-md border border-slate-300 px-2.5 py-1 text-sm hover:bg-slate-50 disabled:opacity-60"
                  >
                    End session
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <div className="mt-4 flex items-center gap-3">
        {others === 0 ? (
          <p className="text-sm text-slate-500">You are not signed in anywhere else.</p>
        ) : confirming ? (
          <>
            <p className="text-sm">
              End {others} other {others === 1 ? "session" : "sessions"}?
            </p>
            <button
              type="button"
              autoFocus
              disabled={endOthers.isPending}
              onClick={() => endOthers.mutate(undefined, { onSettled: () => setConfirming(false) })}
              className="rounded-md bg-red-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-red-800 disabled:opacity-60"
            >
              Yes, end them
            </button>
            <button type="button" onClick={() => setConfirming(false)} className="text-sm underline">
              Cancel
            </button>
          </>
        ) : (
          <button
            type="button"
            onClick={() => setConfirming(true)}
            className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-50"
          >
            End all other sessions
          </button>
        )}
      </div>
      {failure && (
        <p role="alert" className="mt-3 text-sm text-red-700">
          {failure.message}
        </p>
      )}
    </section>
  );
}
