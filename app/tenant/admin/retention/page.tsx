import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { abilityFromPacked } from "@/server/access/ability";
import { SignedInPage } from "../../signed-in-page";
import { RetentionHistory } from "./retention-history";
import { RetentionRun } from "./retention-run";
import { RetentionSettingsForm } from "./retention-settings-form";

export const metadata: Metadata = { title: "Retention" };

export default function RetentionPage() {
  return (
    <SignedInPage>
      {(me) => {
        if (!abilityFromPacked(me.rules).can("manageSecurity", "tenantSettings")) notFound();
        return (
          <>
            <h1 className="text-2xl font-semibold">Retention</h1>
            <p className="mt-1 max-w-prose text-slate-600">
              How long this organisation keeps event data and its audit trail. Nothing is removed until you have looked at a dry run
              and applied it; from then on a daily job keeps to the same settings until they change.
            </p>
            <section aria-labelledby="retention-settings-heading" className="mt-6">
              <h2 id="retention-settings-heading" className="text-lg font-semibold">Settings</h2>
              <RetentionSettingsForm />
            </section>
            <section aria-labelledby="retention-run-heading" className="mt-8">
              <h2 id="retention-run-heading" className="text-lg font-semibold">Dry run and apply</h2>
              <RetentionRun />
            </section>
            <RetentionHistory />
          </>
        );
      }}
    </SignedInPage>
  );
}
