"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTRPC } from "@/server/trpc/react";

const when = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "medium" });

const FLAG_WORDS: Record<string, string> = {
  account_failure_burst: "Burst of failed sign-ins on one account",
  ip_failure_burst: "Burst of failed sign-ins from one address",
  success_after_failures: "Signed in after several failures",
  new_device: "New address and browser",
};

const REASON_WORDS: Record<string, string> = {
  bad_password: "wrong password",
  unknown_email: "unknown email",
  disabled: "account disabled",
  locked: "account locked",
  ip_rate_limited: "address refused",
  invalid_code: "wrong code",
};

export function SecurityActivity() {
  const trpc = useTRPC();
  const [outcome, setOutcome] = useState<"" | "success" | "failure">("");
  const [emailText, setEmailText] = useState("");
  const [email, setEmail] = useState("");
  useEffect(() => {
    const timer = setTimeout(() => setEmail(emailText.trim()), 300);
    return () => clearTimeout(timer);
  }, [emailText]);

  const flags = useInfiniteQuery(trpc.security.flags.infiniteQueryOptions({ limit: 10 }, { getNextPageParam: (p) => p.next ?? undefined }));
  const attempts = useInfiniteQuery(
    trpc.security.attempts.infiniteQueryOptions(
      { outcome: outcome || undefined, email: email || undefined, limit: 50 },
      { getNextPageParam: (p) => p.next ?? undefined },
    ),
  );
  const flagRows = flags.data?.pages.flatMap((p) => p.flags) ?? [];
  const attemptRows = attempts.data?.pages.flatMap((p) => p.attempts) ?? [];

  return (
    <div className="mt-6 space-y-10">
      <section aria-labelledby="flags-heading">
        <h2 id="flags-heading" className="text-lg font-semibold">Flags</h2>
        {flags.isPending ? (
          <p className="mt-2 text-slate-500">Loading…</p>
        ) : flagRows.length === 0 ? (
          <p className="mt-2 text-slate-500">Nothing suspicious so far.</p>
        ) : (
          <ul className="mt-2 divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white" data-testid="flags">
            {flagRows.map((flag) => (
              <li key={flag.id} className="px-4 py-2 text-sm">
                <span className="font-medium">{FLAG_WORDS[flag.kind] ?? flag.kind}</span>
                {flag.email && <span> · {flag.email}</span>}
                <span className="text-slate-500"> · {flag.ip ?? "unknown address"} · {flag.browser} · {when.format(new Date(flag.at))}</span>
              </li>
            ))}
          </ul>
        )}
        {flags.hasNextPage && (
          <button type="button" onClick={() => flags.fetchNextPage()} className="mt-2 text-sm underline">
            Show more flags
          </button>
        )}
      </section>

      <section aria-labelledby="attempts-heading">
        <h2 id="attempts-heading" className="text-lg font-semibold">Sign-in attempts</h2>
        <div className="mt-2 flex flex-wrap items-end gap-3">
          <label className="text-sm">
            <span className="block font-medium">Email</span>
            <input value={emailText} onChange={(e) => setEmailText(e.target.value)} placeholder="exact address" className="mt-1 w-64 rounded-md border border-slate-300 bg-white px-3 py-1.5" />
          </label>
          <label className="text-sm">
            <span className="block font-medium">Outcome</span>
            <select value={outcome} onChange={(e) => setOutcome(e.target.value as typeof outcome)} className="mt-1 rounded-md border border-slate-300 bg-white px-2 py-1.5">
              <option value="">Any</option>
              <option value="success">Succeeded</option>
              <option value="failure">Failed</option>
            </select>
          </label>
        </div>
        {attempts.isPending ? (
          <p className="mt-2 text-slate-500">Loading…</p>
        ) : attemptRows.length === 0 ? (
          <p className="mt-2 text-slate-500">No sign-in attempts match.</p>
        ) : (
          <table className="mt-3 w-full rounded-lg border border-slate-200 bg-white text-left text-sm" data-testid="attempts">
            <thead className="bg-slate-50 text-slate-600">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">When</th>
                <th scope="col" className="px-3 py-2 font-medium">Email</th>
                <th scope="col" className="px-3 py-2 font-medium">Step</th>
                <th scope="col" className="px-3 py-2 font-medium">Outcome</th>
                <th scope="col" className="px-3 py-2 font-medium">Address</th>
                <th scope="col" className="px-3 py-2 font-medium">Browser</th>
              </tr>
            </thead>
            <tbody>
              {attemptRows.map((a) => (
                <tr key={a.id} className="border-t border-slate-100">
                  <td className="px-3 py-1.5 whitespace-nowrap">{when.format(new Date(a.at))}</td>
                  <td className="px-3 py-1.5">{a.email ?? "—"}</td>
                  <td className="px-3 py-1.5">{a.action === "sign_in" ? "Password" : "Code"}</td>
                  <td className="px-3 py-1.5">
                    {a.outcome === "success" ? "Succeeded" : <span className="text-red-700">Failed{a.reason ? ` (${REASON_WORDS[a.reason] ?? a.reason})` : ""}</span>}
                  </td>
                  <td className="px-3 py-1.5 font-mono text-xs">{a.ip ?? "—"}</td>
                  <td className="px-3 py-1.5">{a.browser}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {attempts.hasNextPage && (
          <button type="button" onClick={() => attempts.fetchNextPage()} disabled={attempts.isFetchingNextPage} className="mt-2 rounded-md border border-slate-300 px-3 py-1.5 text-sm">
            {attempts.isFetchingNextPage ? "Loading…" : "Show more"}
          </button>
        )}
      </section>
    </div>
  );
}
