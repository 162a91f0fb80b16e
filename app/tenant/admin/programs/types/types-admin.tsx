"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/server/trpc/react";
import { buttonPrimary } from "../fields";
import { TypeCard, type TypeEditing } from "./type-card";
import { TypeForm } from "./type-form";

export type Can = { create: boolean; update: boolean };

/** Every tracked-entity type with its attributes; one form open at a time. */
export function TypesAdmin({ can }: { can: Can }) {
  const trpc = useTRPC();
  const types = useQuery(trpc.program.types.queryOptions());
  const [editing, setEditing] = useState<TypeEditing>(null);

  if (types.isPending) return <p className="mt-6 text-slate-500">Loading types…</p>;
  if (types.isError) return <p role="alert" className="mt-6 text-red-700">Could not load types: {types.error.message}</p>;

  return (
    <div className="mt-6 space-y-4 text-sm">
      {can.create &&
        (editing?.kind === "type" && editing.id === null ? (
          <TypeForm type={null} onDone={() => setEditing(null)} />
        ) : (
          <button type="button" onClick={() => setEditing({ kind: "type", id: null })} className={buttonPrimary}>
            New type
          </button>
        ))}
      {types.data.length === 0 && (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-slate-600">No types yet. Most organisations start with “Person”.</p>
      )}
      {types.data.map((type) => (
        <TypeCard key={type.id} type={type} can={can} editing={editing} onEdit={setEditing} />
      ))}
    </div>
  );
}
