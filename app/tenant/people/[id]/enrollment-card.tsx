"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/server/trpc/react";
import type { RecordEnrollment, RecordPermissions, RecordProgram } from "../record-types";
import { ConfirmDialog } from "./confirm-dialog";
import { formatDay } from "./dates";
import { EventForm } from "./event-form";
import { EventItem } from "./event-item";
import { useRefreshRecord } from "./use-record";

type Props = { personId: string; program: RecordProgram; enrollment: RecordEnrollment; can: RecordPermissions };

/** One enrolment: its status and actions, its events, and recording a new one. */
export function EnrollmentCard({ personId, program, enrollment, can }: Props) {
  const trpc = useTRPC();
  const refresh = useRefreshRecord(personId);
  const setStatus = useMutation(trpc.record.setEnrollmentStatus.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(trpc.record.deleteEnrollment.mutationOptions({ onSuccess: refresh }));
  const [recording, setRecording] = useState(false);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const stages = program.meta?.stages ?? [];
  const active = enrollment.status === "active";
  // A one-off stage can be recorded once per enrolment.
  const recordable = stages.filter((s) => s.repeatable || !enrollment.events.some((e) => e.stageId === s.id));
  const label = `Enrolment of ${formatDay(enrollment.enrolledOn)}`;

  return (
    <article aria-label={label} className="rounded-md border border-slate-200 p-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm">
          Enrolled on <span className="font-medium">{formatDay(enrollment.enrolledOn)}</span> at {enrollment.unitName}{" "}
          <span className={`ml-1 rounded px-1.5 py-0.5 text-xs font-medium ${active ? "bg-canopy-100 text-canopy-900" : "bg-slate-200 text-slate-800"}`}>
            {active ? "Active" : enrollment.status === "completed" ? "Completed" : "Cancelled"}
          </span>
        </p>
        {program.writable && (
          <div className="flex gap-2">
            {can.updateEnrollment && enrollment.status !== "cancelled" && (
              <button
                type="button"
                disabled={setStatus.isPending}
                onClick={() => setStatus.mutate({ enrollmentId: enrollment.id, status: active ? "completed" : "active" })}
                className="rounded-md border border-slate-300 px-2.5 py-1 text-xs hover:bg-slate-50 disabled:opacity-60"
              >
                {active ? "Complete enrolment" : "Reopen enrolment"}
              </button>
            )}
            {can.deleteEnrollment && (
              <button type="button" onClick={() => setConfirmingDelete(true)} className="rounded-md border border-red-300 px-2.5 py-1 text-xs text-red-800 hover:bg-red-50">
                Delete enrolment
              </button>
            )}
          </div>
        )}
      </div>
      {setStatus.error && (
        <p role="alert" className="mt-1 text-sm text-red-800">
          {setStatus.error.message}
        </p>
      )}

      {enrollment.events.length === 0 ? (
        <p className="mt-2 text-sm text-slate-500">No events recorded.</p>
      ) : (
        <ul className="mt-2 space-y-2">
          {enrollment.events.map((event) => (
            <EventItem key={event.id} personId={personId} program={program} event={event} can={can} />
          ))}
        </ul>
      )}

      {active && program.writable && can.createEvent && recordable.length > 0 && (
        <div className="mt-3">
          {recording ? (
            <EventForm
              personId={personId}
              mode={{ kind: "create", enrollmentId: enrollment.id, stages: recordable }}
              defaultUnit={{ id: enrollment.orgUnitId, name: enrollment.unitName }}
              onDone={() => setRecording(false)}
            />
          ) : (
            <button type="button" onClick={() => setRecording(true)} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-50">
              Record an event
            </button>
          )}
        </div>
      )}

      {confirmingDelete && (
        <ConfirmDialog
          title="Delete this enrolment?"
          message={`The ${program.programName} enrolment of ${formatDay(enrollment.enrolledOn)} and all its events will be removed from the record.`}
          confirmLabel="Delete enrolment"
          pending={remove.isPending}
          error={remove.error?.message ?? null}
          onConfirm={() => remove.mutate({ enrollmentId: enrollment.id }, { onSuccess: () => setConfirmingDelete(false) })}
          onClose={() => {
            remove.reset();
            setConfirmingDelete(false);
          }}
        />
      )}
    </article>
  );
}
