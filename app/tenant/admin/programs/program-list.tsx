"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "@/server/trpc/react";
import { AccessLevelBadge } from "./access-level-badge";
import { formatMinutes } from "./access-levels";
import { buttonPrimary } from "./fields";

/** Every program with its level, type, reach and break-the-glass duration. */
export function ProgramList({ can }: { can: { create: boolean; update: boolean } }) {
  const trpc = useTRPC();
  const programs = useQuery(trpc.program.list.queryOptions());
  const types = useQuery(trpc.program.types.queryOptions());
  const typeName = (id: string) => types.data?.find((type) => type.id === id)?.name ?? "…";

  if (programs.isPending) return <p className="mt-6 text-slate-500">Loading programs…</p>;
  if (programs.isError) return <p role="alert" className="mt-6 text-red-700">Could not load programs: {programs.error.message}</p>;

  return (
    <div className="mt-6 space-y-4">
      {can.create && (
        <Link href="/admin/programs/new" className={`inline-block ${buttonPrimary}`}>
          New program
        </Link>
      )}
      {programs.data.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-slate-600">
          No programs yet. A program needs a tracked-entity type (such as Person) with its attributes; then create the program, add
          its stages and choose where it runs.
        </p>
      ) : (
        <table className="w-full rounded-lg border border-slate-200 bg-white text-left text-sm" data-testid="programs">
          <thead className="bg-slate-50 text-slate-600">
            <tr>
              <th scope="col" className="px-4 py-2 font-medium">Program</th>
              <th scope="col" className="px-4 py-2 font-medium">Access</th>
              <th scope="col" className="px-4 py-2 font-medium">Type</th>
              <th scope="col" className="px-4 py-2 font-medium">Units</th>
              <th scope="col" className="px-4 py-2 font-medium">Break the glass</th>
            </tr>
          </thead>
          <tbody>
            {programs.data.map((program) => (
              <tr key={program.id} className="border-t border-slate-100 align-top" data-testid="program-row">
                <td className="px-4 py-2">
                  {can.update ? (
                    <Link href={`/admin/programs/${program.id}`} className="font-medium text-canopy-700 underline">
                      {program.name}
                    </Link>
                  ) : (
                    <p className="font-medium">{program.name}</p>
                  )}
                  {program.description && <p className="text-slate-500">{program.description}</p>}
                </td>
                <td className="px-4 py-2">
                  <AccessLevelBadge level={program.accessLevel} withExplanation />
                </td>
                <td className="px-4 py-2">{typeName(program.trackedEntityTypeId)}</td>
                <td className="px-4 py-2">{program.unitCount.toLocaleString()}</td>
                <td className="px-4 py-2 whitespace-nowrap">
                  {program.accessLevel !== "protected" ? (
                    <span className="text-slate-500">Not used</span>
                  ) : program.breakGlassMinutes === null ? (
                    "Tenant default"
                  ) : (
                    formatMinutes(program.breakGlassMinutes)
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
