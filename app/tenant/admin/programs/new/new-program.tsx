"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTRPC } from "@/server/trpc/react";
import { ProgramDetailsForm } from "../program-details-form";

/** The details form for a program that does not exist yet; once created, its full editor opens. */
export function NewProgram() {
  const trpc = useTRPC();
  const router = useRouter();
  const types = useQuery(trpc.program.types.queryOptions());

  if (types.isPending) return <p className="text-slate-500">Loading…</p>;
  if (types.isError) return <p role="alert" className="text-red-700">Could not load tracked-entity types: {types.error.message}</p>;
  if (types.data.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-slate-600">
        A program follows people of one tracked-entity type. There is none yet:{" "}
        <Link href="/admin/programs/types" className="text-canopy-700 underline">
          create a type and its attributes
        </Link>{" "}
        first.
      </p>
    );
  }
  return <ProgramDetailsForm program={null} types={types.data} onCreated={(id) => router.push(`/admin/programs/${id}`)} />;
}
