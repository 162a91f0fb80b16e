import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { abilityFromPacked } from "@/server/access/ability";
import { SYSTEM_ROLES } from "@/server/access/system-roles";
import { SignedInPage } from "../../signed-in-page";
import { AuditSettingsForm } from "./audit-settings-form";
import { RecordSettingsForm } from "./record-settings-form";
import { SecurityActivity } from "./security-activity";
import { SecuritySettingsForm } from "./security-settings-form";

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
            <section aria-labelledby="settings-heading" className="mt-6">
              <h2 id="settings-heading" className="text-lg font-semibold">Settings</h2>
              <SecuritySettingsForm roles={SYSTEM_ROLES.map((r) => ({ key: r.key, name: r.name }))} />
            </section>
            <section aria-labelledby="records-heading" className="mt-8">
              <h2 id="records-heading" className="text-lg font-semibold">Records</h2>
              <p className="mt-1 max-w-prose text-slate-600">Limits on reaching people&apos;s records outside one&apos;s own units.</p>
              <RecordSettingsForm />
            </section>
            <section aria-labelledby="audit-settings-heading" className="mt-8">
              <h2 id="audit-settings-heading" className="text-lg font-semibold">Audit trail</h2>
              <AuditSettingsForm />
            </section>
            <SecurityActivity />
          </>
        );
      }}
    </SignedInPage>
  );
}
