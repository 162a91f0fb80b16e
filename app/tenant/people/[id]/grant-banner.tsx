"use client";

import { useMutation } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useTRPC } from "@/server/trpc/react";

/** How often the page asks again once a grant should have run out (the clocks may differ a little). */
const RECHECK_MS = 3000;

/**
 * Emergency access to one program: a live countdown to the server's `expires_at` and a way to end
 * it early. At zero it tells the page, which reloads the record — the database has hidden it.
 */
export function GrantBanner({ grantId, expiresAt, onEnded }: { grantId: string; expiresAt: string | Date; onEnded: () => void }) {
  const trpc = useTRPC();
  const end = useMutation(trpc.breakGlass.end.mutationOptions({ onSuccess: onEnded }));
  const remaining = useRemaining(new Date(expiresAt).getTime());
  const over = remaining <= 0;
  // The latest callback, so reaching zero (not every new render of the page) starts the rechecks.
  const latestOnEnded = useRef(onEnded);
  useEffect(() => {
    latestOnEnded.current = onEnded;
  });

  useEffect(() => {
    if (!over) return;
    latestOnEnded.current();
    const timer = setInterval(() => latestOnEnded.current(), RECHECK_MS);
    return () => clearInterval(timer);
  }, [over]);

  return (
    <div className="flex flex-wrap items-center justify-between gap-3 rounded-md border border-amber-400 bg-amber-50 px-3 py-2 text-amber-950">
      <p>
        <span role="timer" aria-live="off" className="font-medium">
          {over ? "Emergency access is ending…" : `Emergency access ends in ${formatDuration(remaining)}`}
        </span>
        <span className="text-amber-900"> · You broke the glass: read only, and everything you read is logged.</span>
      </p>
      <button
        type="button"
        disabled={end.isPending || over}
        onClick={() => end.mutate({ grantId })}
        className="rounded-md border border-amber-700 bg-white px-3 py-1 text-sm font-medium hover:bg-amber-100 disabled:opacity-60"
      >
        End access now
      </button>
      {end.error && (
        <p role="alert" className="w-full text-sm text-red-800">
          {end.error.message}
        </p>
      )}
    </div>
  );
}

/** Milliseconds until `deadline`, updated every second. */
function useRemaining(deadline: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return deadline - now;
}

/** h:mm:ss, or m:ss under an hour ("2:59:41", "0:59"). */
function formatDuration(ms: number): string {
  const total = Math.ceil(ms / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, "0");
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, "0")}:${seconds}` : `${minutes}:${seconds}`;
}
