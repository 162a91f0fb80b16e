"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "@/server/trpc/react";

/** The unread count in the header, refreshed every minute. */
export function NotificationBell() {
  const trpc = useTRPC();
  const { data } = useQuery(trpc.notification.list.queryOptions(undefined, { refetchInterval: 60_000 }));
  const unread = data?.unread ?? 0;
  return (
    <Link href="/notifications" className="text-sm font-medium text-canopy-700 hover:underline" data-testid="notification-bell">
      Notifications{unread > 0 && <span className="ml-1 rounded-full bg-red-700 px-1.5 text-xs text-white">{unread}</span>}
    </Link>
  );
}
