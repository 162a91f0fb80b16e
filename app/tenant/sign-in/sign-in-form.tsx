"use client";

import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { IP_WINDOW_MINUTES, RATE_LIMITED } from "@/server/auth/sign-in-limits";

/** One generic message for every failure, so the form never tells whether an account exists. */
export function SignInForm() {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn("password", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
    });
    if (result?.ok && !result.error) {
      window.location.assign("/");
      return;
    }
    setPending(false);
    setError(
      result?.error === RATE_LIMITED
        ? `Too many failed sign-ins from your network. Please wait ${IP_WINDOW_MINUTES} minutes and try again.`
        : "Incorrect email or password.",
    );
  }

  return (
    <form method="post" onSubmit={submit} className="mt-6 space-y-4">
      <div>
        <label htmlFor="email" className="block text-sm font-medium">
          Email
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          className="mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2"
        />
      </div>
      <div>
        <label htmlFor="password" className="block text-sm font-medium">
          Password
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className="mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2"
        />
      </div>
      {error && (
        <p role="alert" data-testid="sign-in-error" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      )}
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-md bg-canopy-600 px-4 py-2 font-medium text-white hover:bg-canopy-700 disabled:opacity-60"
      >
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
