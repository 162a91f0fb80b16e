"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/server/trpc/react";

/** A program by name for those who may read programs; otherwise by its id. */
export function ProgramField({ value, onChange, canList }: { value: string; onChange: (programId: string) => void; canList: boolean }) {
  const trpc = useTRPC();
  const programs = useQuery({ ...trpc.program.list.queryOptions(), enabled: canList });
  if (!canList) {
    return (
      <label className="text-sm">
        <span className="block font-medium">Program id</span>
        <input value={value} onChange={(e) => onChange(e.target.value)} spellCheck={false} className="mt-1 w-80 rounded-md border border-slate-300 bg-white px-3 py-1.5 font-mono text-xs" />
      </label>
    );
  }
  return (
    <label className="text-sm">
      <span className="block font-medium">Program</span>
      <select value={value} onChange={(e) => onChange(e.target.value)} className="mt-1 w-64 rounded-md border border-slate-300 bg-white px-2 py-1.5">
        <option value="">{programs.isPending ? "Loading programs…" : "Any program"}</option>
        {programs.data?.map((program) => (
          <option key={program.id} value={program.id}>
            {program.name}
          </option>
        ))}
      </select>
    </label>
  );
}
