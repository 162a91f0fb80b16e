import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { abilityFromPacked } from "@/server/access/ability";
import { SignedInPage } from "../signed-in-page";
import { PeopleSearch } from "./people-search";

export const metadata: Metadata = { title: "People" };

export default async function PeoplePage({ searchParams }: { searchParams: Promise<{ notice?: string }> }) {
  // Set by the record page after a transfer that took the record out of the caller's reach.
  const transferred = (await searchParams).notice === "transferred";
  return (
    <SignedInPage>
      {(me) => {
        const ability = abilityFromPacked(me.rules);
        // A page the caller may not use looks like any missing page.
        if (!ability.can("read", "trackedEntity")) notFound();
        return (
          <>
            <div className="flex flex-wrap items-start justify-between gap-3">
              <div>
                <h1 className="text-2xl font-semibold">People</h1>
                <p className="mt-1 text-slate-600">Find a person&apos;s record by what you know about them.</p>
              </div>
              {ability.can("create", "trackedEntity") && (
                <Link href="/people/new" className="rounded-md bg-canopy-600 px-4 py-2 font-medium text-white hover:bg-canopy-700">
                  Register a person
                </Link>
              )}
            </div>
            {transferred && (
              <p role="status" className="mt-4 rounded-md border border-canopy-600 bg-canopy-50 px-3 py-2 text-canopy-900">
                The record was transferred to its new owner, and you no longer have access to it.
              </p>
            )}
            <PeopleSearch canBreakGlass={ability.can("breakGlass", "trackedEntity")} />
          </>
        );
      }}
    </SignedInPage>
  );
}
