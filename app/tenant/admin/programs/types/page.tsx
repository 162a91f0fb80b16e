import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { abilityFromPacked } from "@/server/access/ability";
import { SignedInPage } from "../../../signed-in-page";
import { TypesAdmin } from "./types-admin";

export const metadata: Metadata = { title: "Tracked-entity types" };

export default function TypesPage() {
  return (
    <SignedInPage>
      {(me) => {
        const ability = abilityFromPacked(me.rules);
        if (!ability.can("read", "program")) notFound();
        return (
          <>
            <Link href="/admin/programs" className="text-sm text-canopy-700 underline">
              ← All programs
            </Link>
            <h1 className="mt-2 text-2xl font-semibold">Tracked-entity types</h1>
            <p className="mt-1 max-w-prose text-slate-600">
              A type is a kind of thing programs follow, such as a Person. Its attributes are what is recorded about each one at
              registration; each program then picks the attributes it asks for.
            </p>
            <TypesAdmin can={{ create: ability.can("create", "program"), update: ability.can("update", "program") }} />
          </>
        );
      }}
    </SignedInPage>
  );
}
