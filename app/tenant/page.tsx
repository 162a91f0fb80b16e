import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentSession } from "@/server/auth/current-session";
import { serverTrpc } from "@/server/trpc/server";
import { OrgUnitTree } from "./org-unit-tree";
import { SignOutButton } from "./sign-out-button";

export const metadata: Metadata = { title: "Home" };

export default async function TenantHome() {
  if (!(await currentSession())) redirect("/sign-in");
  const me = await (await serverTrpc()).viewer.me();

  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-5xl items-center justify-between gap-4 px-6 py-3">
          <div>
            <p className="text-xs font-semibold uppercase tracking-wide text-canopy-700">Canopy</p>
            <p className="font-medium" data-testid="tenant-name">
              {me.tenant.name}
            </p>
          </div>
          <div className="flex items-center gap-4">
            <p className="text-sm text-slate-600">
              Signed in as <span className="font-medium text-slate-900" data-testid="user-name">{me.name}</span>
            </p>
            <SignOutButton />
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-5xl px-6 py-8">
        <h1 className="text-2xl font-semibold">Welcome, {me.name}</h1>
        <p className="mt-1 text-slate-600">You are working in {me.tenant.name}.</p>
        <section className="mt-8 rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="org-units-heading">
          <h2 id="org-units-heading" className="text-lg font-semibold">
            Organisation units
          </h2>
          <OrgUnitTree />
        </section>
      </main>
    </div>
  );
}
