import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { abilityFromPacked } from "@/server/access/ability";
import { SignedInPage } from "../../../signed-in-page";
import { NewProgram } from "./new-program";

export const metadata: Metadata = { title: "New program" };

export default function NewProgramPage() {
  return (
    <SignedInPage>
      {(me) => {
        if (!abilityFromPacked(me.rules).can("create", "program")) notFound();
        return (
          <>
            <Link href="/admin/programs" className="text-sm text-canopy-700 underline">
              ← All programs
            </Link>
            <h1 className="mt-2 text-2xl font-semibold">New program</h1>
            <p className="mt-1 max-w-prose text-slate-600">Create the program first; then add its stages and choose where it runs.</p>
            <div className="mt-6">
              <NewProgram />
            </div>
          </>
        );
      }}
    </SignedInPage>
  );
}
