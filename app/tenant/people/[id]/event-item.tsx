"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { displayValue } from "@/server/records/value-schema";
import { useTRPC } from "@/server/trpc/react";
import type { RecordEvent, RecordPermissions, RecordProgram } from "../record-types";
import { ConfirmDialog } from "./confirm-dialog";
import { formatDay } from "./dates";
import { EventForm } from "./event-form";
import { useRefreshRecord } from "./use-record";

type Props = { personId: string; program: RecordProgram; event: RecordEvent; can: RecordPermissions };

/** One event: when, where, which stage, its values by data-element name, and what may be done with it. */
export function EventItem({ personId, program, event, can }: Props) {
  const trpc = useTRPC();
  const refresh = useRefreshRecord(personId);
  const complete = useMutation(trpc.record.completeEvent.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(trpc.record.deleteEvent.mutationOptions({ onSuccess: refresh }));
  const [editing, setEditing] = useState(false);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const stage = program.meta?.stages.find((s) => s.id === event.stageId);
  const stageName = stage?.name ?? "Unknown stage";
  const title = `${stageName} on ${formatDay(event.occurredOn)}`;
  const values = (stage?.dataElements ?? []).filter((e) => event.values[e.id] !== undefined);

  if (editing && stage) {
    return (
      <li>
        <EventForm
          personId={personId}
          mode={{ kind: "edit", event, stage }}
          defaultUnit={{ id: event.orgUnitId, name: event.unitName }}
          onDone={() => setEditing(false)}
        />
      </li>
    );
  }

  return (
    <li aria-label={title} className="rounded-md bg-slate-50 p-3 text-sm">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p>
          <span className="font-medium">{formatDay(event.occurredOn)}</span> · {stageName} · {event.unitName}
          {event.status === "completed" && <span className="ml-2 rounded bg-slate-200 px-1.5 py-0.5 text-xs font-medium">Completed</span>}
        </p>
        {program.writable && (
          <div className="flex gap-2">
            {can.updateEvent && (
              <button type="button" onClick={() => setEditing(true)} className="rounded-md border border-slate-300 bg-white px-2.5 py-1 text-xs hover:bg-slate-100">
                Edit
              </button>
            )}
            {can.updateEvent && event.status !== "completed" && (
              <button
                type="button"
                disabled={complete.isPending}
                onClick={() => complete.mutate({ eventId: event.id })}
                className="rounded-md border border-slate-300 bg-white px-2.5 py-1 text-xs hover:bg-slate-100 disabled:opacity-60"
              >
                Complete
              </button>
            )}
            {/* Deleting needs the event's own unit in the capture scope, not just the owner's. */}
            {can.deleteEvent && event.inCapture && (
              <button type="button" onClick={() => setConfirmingDelete(true)} className="rounded-md border border-red-300 bg-white px-2.5 py-1 text-xs text-red-800 hover:bg-red-50">
                Delete
              </button>
            )}
          </div>
        )}
      </div>
      {values.length > 0 && (
        <dl className="mt-2 grid gap-x-6 gap-y-1 sm:grid-cols-2">
          {values.map((element) => (
            <div key={element.id} className="flex gap-2">
              <dt className="text-slate-500">{element.name}:</dt>
              <dd>{displayValue(element, event.values[element.id]!)}</dd>
            </div>
          ))}
        </dl>
      )}
      {complete.error && (
        <p role="alert" className="mt-1 text-red-800">
          {complete.error.message}
        </p>
      )}
      {confirmingDelete && (
        <ConfirmDialog
          title="Delete this event?"
          message={`${title} at ${event.unitName} will be removed from the record.`}
          confirmLabel="Delete event"
          pending={remove.isPending}
          error={remove.error?.message ?? null}
          onConfirm={() => remove.mutate({ eventId: event.id }, { onSuccess: () => setConfirmingDelete(false) })}
          onClose={() => {
            remove.reset();
            setConfirmingDelete(false);
          }}
        />
      )}
    </li>
  );
}
