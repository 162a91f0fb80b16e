import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { abilityFromPacked } from "@/server/access/ability";
import { SignedInPage } from "../signed-in-page";
import { AuditTrail } from "./audit-trail";

export const metadata: Metadata = { title: "Audit" };

export default function AuditPage() {
  return (
    <SignedInPage>
      {(me) => {
        const ability = abilityFromPacked(me.rules);
        // A page the caller may not use looks like any missing page.
        if (!ability.can("read", "auditLog")) notFound();
        return (
          <>
            <h1 className="text-2xl font-semibold">Audit</h1>
            <p className="mt-1 max-w-prose text-slate-600">
              Everything done in this organisation, who did it and why, newest first. The trail cannot be changed; “Verify integrity” proves it has not been.
            </p>
            {/* Auditors hold only read:auditLog: they pick users and programs by id instead of from lists. */}
            <AuditTrail can={{ readUsers: ability.can("read", "user"), readPrograms: ability.can("read", "program") }} />
          </>
        );
      }}
    </SignedInPage>
  );
}
