import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { abilityFromPacked } from "@/server/access/ability";
import { SignedInPage } from "../../../signed-in-page";
import { ProgramEditor } from "../program-editor";

export const metadata: Metadata = { title: "Program" };

export default async function ProgramPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  // A malformed id names no program; answer as for any missing page rather than with an API error.
  if (!z.uuid().safeParse(id).success) notFound();
  return (
    <SignedInPage>
      {(me) => {
        if (!abilityFromPacked(me.rules).can("update", "program")) notFound();
        return (
          <>
            <Link href="/admin/programs" className="text-sm text-canopy-700 underline">
              ← All programs
            </Link>
            <ProgramEditor id={id} />
          </>
        );
      }}
    </SignedInPage>
  );
}
