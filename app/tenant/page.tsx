import type { Metadata } from "next";
import { OrgUnitTree } from "./org-unit-tree";
import { SignedInPage } from "./signed-in-page";

export const metadata: Metadata = { title: "Home" };

export default function TenantHome() {
  return (
    <SignedInPage>
      {(me) => (
        <>
          <h1 className="text-2xl font-semibold">Welcome, {me.name}</h1>
          <p className="mt-1 text-slate-600">You are working in {me.tenant.name}.</p>
          <section className="mt-8 rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="org-units-heading">
            <h2 id="org-units-heading" className="text-lg font-semibold">
              Where you work
            </h2>
            <OrgUnitTree from="scope" />
          </section>
        </>
      )}
    </SignedInPage>
  );
}
