"use client";

import { useId, useState, type FormEvent } from "react";

const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** Takes an organisation's short name and goes to its own address, e.g. demo.localhost:3000. */
export function OrganisationAddressForm({ apexHost }: { apexHost: string }) {
  const inputId = useId();
  const [slug, setSlug] = useState("");
  const [error, setError] = useState<string | null>(null);

  function go(event: FormEvent) {
    event.preventDefault();
    const value = slug.trim().toLowerCase();
    if (!SLUG.test(value)) {
      setError("Use the short name you were given: letters, digits and hyphens, for example “demo”.");
      return;
    }
    window.location.assign(`${window.location.protocol}//${value}.${apexHost}/sign-in`);
  }

  return (
    <form onSubmit={go} className="mt-8 space-y-2" noValidate>
      <label htmlFor={inputId} className="block text-sm font-medium">
        Your organisation&apos;s address
      </label>
      <div className="flex gap-2">
        <div className="flex flex-1 items-center rounded-md border border-slate-300 bg-white focus-within:border-canopy-600">
          <input
            id={inputId}
            value={slug}
            onChange={(e) => {
              setSlug(e.target.value);
              setError(null);
            }}
            className="w-full rounded-md bg-transparent px-3 py-2 outline-none"
            placeholder="your-organisation"
            autoCapitalize="none"
            autoComplete="off"
            spellCheck={false}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${inputId}-error` : undefined}
          />
          <span className="pr-3 text-slate-500">.{apexHost}</span>
        </div>
        <button type="submit" className="rounded-md bg-canopy-600 px-4 py-2 font-medium text-white hover:bg-canopy-700">
          Continue
        </button>
      </div>
      {error && (
        <p id={`${inputId}-error`} role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </form>
  );
}
