import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { abilityFromPacked } from "@/server/access/ability";
import { SignedInPage } from "../../signed-in-page";
import { SecurityActivity } from "./security-activity";

export const metadata: Metadata = { title: "Security" };

export default function SecurityPage() {
  return (
    <SignedInPage>
      {(me) => {
        if (!abilityFromPacked(me.rules).can("manageSecurity", "tenantSettings")) notFound();
        return (
          <>
            <h1 className="text-2xl font-semibold">Security</h1>
            <p className="mt-1 text-slate-600">Sign-in activity in this organisation, and anything that looked suspicious.</p>
            <SecurityActivity />
          </>
        );
      }}
    </SignedInPage>
  );
}
