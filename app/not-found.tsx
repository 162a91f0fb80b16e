import type { Metadata } from "next";

export const metadata: Metadata = { title: "Page not found" };

/** One page for every miss: an unknown address, an unknown organisation, a missing page. */
export default function NotFound() {
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-6">
      <p className="text-sm font-semibold text-canopy-700">404</p>
      <h1 className="mt-2 text-2xl font-semibold">Page not found</h1>
      <p className="mt-3 text-slate-600">
        There is nothing at this address. Check the address you were given, or ask your administrator for it.
      </p>
    </main>
  );
}
