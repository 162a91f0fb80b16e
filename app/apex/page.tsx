import type { Metadata } from "next";
import { headers } from "next/headers";
import { OrganisationAddressForm } from "./organisation-address-form";

export const metadata: Metadata = { title: "Canopy" };

/** The apex landing page. It lists no tenants: people come with their organisation's address. */
export default async function LandingPage() {
  const apexHost = (await headers()).get("host") ?? "localhost";
  return (
    <main className="mx-auto flex min-h-screen max-w-lg flex-col justify-center px-6">
      <h1 className="text-3xl font-semibold text-canopy-900">Canopy</h1>
      <p className="mt-3 text-slate-600">
        Health records for ministries, hospital groups and research consortia — each person&apos;s data seen only by the
        people whose work needs it.
      </p>
      <OrganisationAddressForm apexHost={apexHost} />
    </main>
  );
}
