"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/server/trpc/react";

const when = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });

export function TwoFactorSetup() {
  const trpc = useTRPC();
  const status = useQuery(trpc.account.twoFactorStatus.queryOptions());
  const start = useMutation(trpc.account.startTwoFactor.mutationOptions());
  const confirm = useMutation(trpc.account.confirmTwoFactor.mutationOptions());
  const [message, setMessage] = useState<string | null>(null);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);

  if (recoveryCodes) return <RecoveryCodes codes={recoveryCodes} />;
  if (status.isPending) return <p className="mt-6 text-slate-500">Loading…</p>;
  if (status.isError) return <p role="alert" className="mt-6 text-red-700">Could not load your two-factor settings.</p>;

  if (status.data.enabled) {
    return (
      <div className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
        <p className="font-medium text-canopy-900">
          Two-factor authentication is on{status.data.enabledAt ? ` since ${when.format(new Date(status.data.enabledAt))}` : ""}.
        </p>
        <p className="mt-1 text-sm text-slate-600">
          {status.data.recoveryCodesLeft} unused recovery {status.data.recoveryCodesLeft === 1 ? "code" : "codes"} left. If you lose
          your phone, an administrator can reset it for you.
        </p>
      </div>
    );
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setMessage(null);
    const code = String(new FormData(event.currentTarget).get("code") ?? "");
    const result = await confirm.mutateAsync({ code });
    if (result.ok) setRecoveryCodes(result.recoveryCodes);
    else setMessage(result.message);
  }

  if (!start.data) {
    return (
      <div className="mt-6">
        {status.data.required && (
          <p className="mb-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
            Your organisation requires two-factor authentication for your account. Set it up to continue.
          </p>
        )}
        <button
          type="button"
          onClick={() => start.mutate()}
          disabled={start.isPending}
          className="rounded-md bg-canopy-600 px-4 py-2 font-medium text-white hover:bg-canopy-700 disabled:opacity-60"
        >
          {start.isPending ? "Preparing…" : "Set up two-factor authentication"}
        </button>
      </div>
    );
  }

  return (
    <div className="mt-6 space-y-4">
      <ol className="list-decimal space-y-4 pl-5">
        <li>
          <p>Scan this QR code with your authenticator app.</p>
          <img src={start.data.qrDataUrl} alt="QR code for your authenticator app" width={220} height={220} className="mt-2 rounded border border-slate-200" />
          <p className="mt-2 text-sm text-slate-600">
            Cannot scan it? Enter this key instead:{" "}
            <code data-testid="totp-secret" className="select-all rounded bg-slate-100 px-1.5 py-0.5 font-mono">
              {start.data.secret}
            </code>
          </p>
        </li>
        <li>
          <form onSubmit={submit} className="space-y-2">
            <label htmlFor="enrol-code" className="block">
              Enter the 6-digit code the app shows
            </label>
            <div className="flex gap-2">
              <input id="enrol-code" name="code" autoComplete="one-time-code" inputMode="numeric" required className="w-40 rounded-md border border-slate-300 bg-white px-3 py-2 font-mono tracking-widest" />
              <button type="submit" disabled={confirm.isPending} className="rounded-md bg-canopy-600 px-4 py-2 font-medium text-white hover:bg-canopy-700 disabled:opacity-60">
                {confirm.isPending ? "Checking…" : "Turn on"}
              </button>
            </div>
            {message && (
              <p role="alert" data-testid="step-error" className="text-sm text-red-800">
                {message}
              </p>
            )}
          </form>
        </li>
      </ol>
    </div>
  );
}

function RecoveryCodes({ codes }: { codes: string[] }) {
  return (
    <div className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
      <p className="font-medium text-canopy-900">Two-factor authentication is on.</p>
      <p className="mt-2 text-sm text-slate-700">
        Save these recovery codes somewhere safe, away from your phone. Each works once if you lose your phone. They will not
        be shown again.
      </p>
      <ul data-testid="recovery-codes" className="mt-3 grid grid-cols-2 gap-1 font-mono text-sm">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
      <button
        type="button"
        onClick={() => window.location.assign("/")}
        className="mt-4 rounded-md bg-canopy-600 px-4 py-2 font-medium text-white hover:bg-canopy-700"
      >
        I have saved these codes — continue
      </button>
    </div>
  );
}
