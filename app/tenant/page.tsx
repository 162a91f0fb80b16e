import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentSession } from "@/server/auth/current-session";
import { serverTrpc } from "@/server/trpc/server";
import { OrgUnitTree } from "./org-unit-tree";
import { TenantHeader } from "./tenant-header";

export const metadata: Metadata = { title: "Home" };

export default async function TenantHome() {
  if (!(await currentSession())) redirect("/sign-in");
  const me = await (await serverTrpc()).viewer.me();

  return (
    <div className="min-h-screen">
      <TenantHeader tenantName={me.tenant.name} userName={me.name} />
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
