"use client";

import { useState } from "react";
import { sealLabel } from "@/server/audit/seal-label";
import type { AuditEvent } from "./api-types";

const when = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "medium" });

// Some events (a sign-in attempt, say) keep the actor's id but no name; the id is in the details.
const who = (e: AuditEvent) => e.actorName ?? (e.actorUserId ? "A user (name not recorded)" : e.apiClientId ? "An API client" : "The system");
const subject = (e: AuditEvent) => (e.subjectType ? `${e.subjectType}${e.subjectId ? ` ${e.subjectId}` : ""}` : "—");

/** One event, and on request everything it recorded. */
export function AuditEventRow({ event }: { event: AuditEvent }) {
  const [open, setOpen] = useState(false);
  const detailsId = `audit-event-${event.id}`;
  return (
    <>
      <tr className="border-t border-slate-100 align-top" data-testid="audit-event">
        <td className="whitespace-nowrap px-3 py-2">{when.format(new Date(event.at))}</td>
        <td className="px-3 py-2">{who(event)}</td>
        <td className="px-3 py-2">
          <span className="font-mono text-xs">{event.action}</span>
          {event.reason && <span className="block text-slate-600">“{event.reason}”</span>}
        </td>
        <td className="px-3 py-2">
          <span className="block max-w-56 truncate font-mono text-xs" title={subject(event)}>
            {subject(event)}
          </span>
          {(event.programName || event.orgUnitName) && (
            <span className="block text-slate-600">{[event.programName, event.orgUnitName].filter(Boolean).join(" · ")}</span>
          )}
        </td>
        <td className="px-3 py-2">{event.outcome === "success" ? "Succeeded" : <span className="text-red-700">Failed</span>}</td>
        <td className="px-3 py-2 text-right">
          <button
            type="button"
            aria-expanded={open}
            aria-controls={detailsId}
            onClick={() => setOpen((o) => !o)}
            className="rounded-md border border-slate-300 px-2 py-1 text-xs hover:bg-slate-50"
          >
            {open ? "Hide details" : "Details"}
            <span className="sr-only"> of event {sealLabel(event) ?? event.id}</span>
          </button>
        </td>
      </tr>
      {open && (
        <tr id={detailsId}>
          <td colSpan={6} className="bg-slate-50 px-3 pb-3">
            <EventDetails event={event} />
          </td>
        </tr>
      )}
    </>
  );
}

function EventDetails({ event }: { event: AuditEvent }) {
  const facts: [string, string | null][] = [
    ["Event", `${sealLabel(event) ?? "Not sealed yet"} · ${event.id}`],
    ["Hash begins", event.hashPrefix],
    ["When (UTC)", event.at],
    ["Actor id", event.actorUserId ?? event.apiClientId],
    ["Person id", event.personId],
    ["Program", event.programId && `${event.programName ?? "(removed)"} · ${event.programId}`],
    ["Organisation unit", event.orgUnitId && `${event.orgUnitName ?? "(removed)"} · ${event.orgUnitId}`],
    ["Request id", event.requestId],
    ["Address", event.ip],
    ["Browser", event.userAgent],
  ];
  return (
    <div className="grid gap-3 pt-2 text-xs md:grid-cols-2">
      <dl className="grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1">
        {facts
          .filter(([, value]) => value)
          .map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="text-slate-500">{label}</dt>
              <dd className="break-all font-mono">{value}</dd>
            </div>
          ))}
      </dl>
      <div className="space-y-2">
        <Json label="Details" value={event.details} />
        {event.changes && <Json label="Changes (before → after)" value={event.changes} />}
      </div>
    </div>
  );
}

function Json({ label, value }: { label: string; value: unknown }) {
  return (
    <figure>
      <figcaption className="text-slate-500">{label}</figcaption>
      <pre className="mt-0.5 max-h-64 overflow-auto rounded border border-slate-200 bg-white p-2">{JSON.stringify(value, null, 2)}</pre>
    </figure>
  );
}
