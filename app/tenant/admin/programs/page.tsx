import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { abilityFromPacked } from "@/server/access/ability";
import { SignedInPage } from "../../signed-in-page";
import { ProgramList } from "./program-list";

export const metadata: Metadata = { title: "Programs" };

export default function ProgramsPage() {
  return (
    <SignedInPage>
      {(me) => {
        const ability = abilityFromPacked(me.rules);
        if (!ability.can("read", "program")) notFound();
        return (
          <>
            <div className="flex flex-wrap items-baseline justify-between gap-3">
              <h1 className="text-2xl font-semibold">Programs</h1>
              <Link href="/admin/programs/types" className="text-sm text-canopy-700 underline">
                Tracked-entity types and attributes
              </Link>
            </div>
            <p className="mt-1 max-w-prose text-slate-600">
              A program follows people of one type through its stages at the units where it runs. Its access level decides who
              outside the owning unit may see a person&apos;s records.
            </p>
            <ProgramList can={{ create: ability.can("create", "program"), update: ability.can("update", "program") }} />
          </>
        );
      }}
    </SignedInPage>
  );
}
