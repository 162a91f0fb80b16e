"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/server/trpc/react";
import { ProgramDetailsForm } from "./program-details-form";
import { ProgramUnitsEditor } from "./program-units-editor";
import { StagesEditor } from "./stages-editor";

/** An existing program: its details, its stages and where it runs, each saved on its own. */
export function ProgramEditor({ id }: { id: string }) {
  const trpc = useTRPC();
  const program = useQuery(trpc.program.get.queryOptions({ id }));
  const types = useQuery(trpc.program.types.queryOptions());

  if (program.isPending || types.isPending) return <p className="mt-6 text-slate-500">Loading program…</p>;
  if (program.isError) return <p role="alert" className="mt-6 text-red-700">{program.error.data?.code === "NOT_FOUND" ? "This program does not exist." : program.error.message}</p>;
  if (types.isError) return <p role="alert" className="mt-6 text-red-700">Could not load tracked-entity types: {types.error.message}</p>;

  return (
    <>
      <h1 className="text-2xl font-semibold">{program.data.name}</h1>
      <section aria-labelledby="details-heading" className="mt-6">
        <h2 id="details-heading" className="mb-2 text-lg font-semibold">Details</h2>
        <ProgramDetailsForm program={program.data} types={types.data} />
      </section>
      <section aria-labelledby="stages-heading" className="mt-8">
        <h2 id="stages-heading" className="mb-2 text-lg font-semibold">Stages</h2>
        <StagesEditor programId={id} stages={program.data.stages} />
      </section>
      <section aria-labelledby="units-heading" className="mt-8">
        <h2 id="units-heading" className="text-lg font-semibold">Where it runs</h2>
        <p className="mb-2 max-w-prose text-slate-600">
          People are enrolled and owned only at these units. Removing a unit keeps the records already owned there.
        </p>
        <ProgramUnitsEditor programId={id} initial={program.data.orgUnits.map(({ id: unitId, name }) => ({ id: unitId, name }))} />
      </section>
    </>
  );
}
