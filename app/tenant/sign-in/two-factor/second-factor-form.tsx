"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/server/trpc/react";

export function SecondFactorForm() {
  const trpc = useTRPC();
  const [message, setMessage] = useState<string | null>(null);
  const verify = useMutation(trpc.account.verifySecondFactor.mutationOptions());

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setMessage(null);
    const code = String(new FormData(event.currentTarget).get("code") ?? "");
    try {
      const result = await verify.mutateAsync({ code });
      if (result.ok) window.location.assign("/");
      else setMessage(result.message);
    } catch (error) {
      setMessage(error instanceof Error ? error.message : "Something went wrong. Please try again.");
    }
  }

  return (
    <form method="post" onSubmit={submit} className="mt-6 space-y-4">
      <div>
        <label htmlFor="code" className="block text-sm font-medium">
          Code
        </label>
        <input
          id="code"
          name="code"
          autoComplete="one-time-code"
          autoFocus
          required
          className="mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2 font-mono tracking-widest"
          aria-describedby="code-help"
        />
        <p id="code-help" className="mt-1 text-sm text-slate-500">
          Lost your phone? Enter one of your recovery codes instead (like <span className="font-mono">abcde-23456</span>).
        </p>
      </div>
      {message && (
        <p role="alert" data-testid="step-error" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {message}
        </p>
      )}
      <button
        type="submit"
        disabled={verify.isPending}
        className="w-full rounded-md bg-canopy-600 px-4 py-2 font-medium text-white hover:bg-canopy-700 disabled:opacity-60"
      >
        {verify.isPending ? "Checking…" : "Verify"}
      </button>
    </form>
  );
}
