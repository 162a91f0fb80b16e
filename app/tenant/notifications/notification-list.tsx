"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "@/server/trpc/react";

const when = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

export function NotificationList() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.notification.list.queryOptions());
  const markAll = useMutation(
    trpc.notification.markRead.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.notification.list.queryKey() }) }),
  );

  if (list.isPending) return <p className="mt-6 text-slate-500">Loading…</p>;
  if (list.isError) return <p role="alert" className="mt-6 text-red-700">Could not load notifications.</p>;
  if (list.data.items.length === 0) return <p className="mt-6 text-slate-500">No notifications.</p>;

  return (
    <div className="mt-6 space-y-3">
      {list.data.unread > 0 && (
        <button type="button" onClick={() => markAll.mutate({})} disabled={markAll.isPending} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm">
          Mark all as read
        </button>
      )}
      <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white" data-testid="notifications">
        {list.data.items.map((n) => (
          <li key={n.id} className={`px-4 py-3 text-sm ${n.read ? "text-slate-500" : ""}`}>
            <p className={n.read ? "" : "font-medium"}>{n.title}</p>
            <p className="text-slate-500">
              {n.body} · {when.format(new Date(n.at))}
              {n.link && (
                <>
                  {" · "}
                  <Link href={n.link} className="text-canopy-700 underline">
                    Review
                  </Link>
                </>
              )}
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}
