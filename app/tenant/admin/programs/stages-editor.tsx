"use client";

import { useState } from "react";
import { buttonSecondary } from "./fields";
import type { Stage } from "./api-types";
import { StageCard, type Editing } from "./stage-card";
import { StageForm } from "./stage-form";

/**
 * A program's stages, each with its data elements. Order is kept as listed: the API returns
 * stages and elements sorted, and each save sends the item's position (1-based, as the seed does).
 */
export function StagesEditor({ programId, stages }: { programId: string; stages: Stage[] }) {
  const [editing, setEditing] = useState<Editing>(null);

  return (
    <div className="space-y-4 text-sm">
      {stages.length === 0 && <p className="text-slate-500">No stages yet. A stage is a step people go through, such as a first visit or a test.</p>}
      {stages.map((stage, index) => (
        <StageCard key={stage.id} programId={programId} stage={stage} position={index + 1} editing={editing} onEdit={setEditing} />
      ))}
      {editing?.kind === "stage" && editing.id === null ? (
        <StageForm programId={programId} stage={null} sortOrder={stages.length + 1} onDone={() => setEditing(null)} />
      ) : (
        <button type="button" onClick={() => setEditing({ kind: "stage", id: null })} className={buttonSecondary}>
          Add stage
        </button>
      )}
    </div>
  );
}
