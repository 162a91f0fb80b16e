"use client";

import Link from "next/link";
import { useState } from "react";
import { personName } from "../person-fields";
import type { RecordPermissions } from "../record-types";
import { AccessLog } from "./access-log";
import { AttributesCard } from "./attributes-card";
import { EnrolForm } from "./enrol-form";
import { ProgramSection } from "./program-section";
import { PrivacyActions } from "./privacy-actions";
import { ProtectedCard } from "./protected-card";
import { useRecord, useRefreshRecord } from "./use-record";

const day = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });

/**
 * A person's record: attributes, then one section per program the caller can read, the protected
 * programs where the glass could be broken, enrolment in further programs, and who accessed it.
 */
export function RecordView({ personId, can }: { personId: string; can: RecordPermissions }) {
  const record = useRecord(personId);
  const refresh = useRefreshRecord(personId);
  // Programs whose emergency access ended while this page was open: the refetch hides them, and
  // the page says why instead of silently dropping them (or showing a bare "not found").
  const [ended, setEnded] = useState<string[]>([]);
  const grantEnded = (programName: string) => {
    setEnded((names) => (names.includes(programName) ? names : [...names, programName]));
    void refresh();
  };
  const granted = (programName: string) => {
    setEnded((names) => names.filter((name) => name !== programName));
    void refresh();
  };

  if (record.isPending) return <p className="text-slate-500">Loading…</p>;
  if (record.isError) {
    if (record.error.data?.code !== "NOT_FOUND") {
      return (
        <p role="alert" className="text-red-700">
          {record.error.message}
        </p>
      );
    }
    return ended.length ? <AccessEnded /> : <RecordNotFound />;
  }

  const { person, attributes, programs } = record.data;
  const stillEnded = ended.filter((name) => !programs.some((p) => p.programName === name));
  return (
    <div className="space-y-6">
      <div>
        <Link href="/people" className="text-sm text-canopy-700 hover:underline">
          ← People
        </Link>
        <h1 className="mt-1 text-2xl font-semibold">{personName(attributes, person.values)}</h1>
        <p className="mt-1 text-slate-600">
          Registered at {person.registrationUnitName} on {day.format(new Date(person.createdAt))}
        </p>
      </div>
      {person.erasure && (
        <p role="status" className="rounded-md border border-slate-300 bg-slate-50 px-3 py-2 text-slate-800">
          This person's identifying data was erased on {day.format(new Date(person.erasure.at))} at their request. Enrolments and events are
          kept without a name.
        </p>
      )}
      {stillEnded.length > 0 && (
        <p role="status" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900">
          Your emergency access has ended. {stillEnded.join(", ")} is hidden again.
        </p>
      )}
      <AttributesCard person={person} attributes={attributes} editable={person.writable && can.updatePerson} />
      {programs.map((program) => (
        <ProgramSection key={program.programId} personId={personId} program={program} can={can} onGrantEnded={() => grantEnded(program.programName)} />
      ))}
      {record.data.protectedPrograms.map((target) => (
        <ProtectedCard
          key={target.programId}
          target={{ personId, ...target }}
          canBreakGlass={can.breakGlass}
          onGranted={() => granted(target.programName)}
        />
      ))}
      {can.createEnrollment && record.data.enrollablePrograms.length > 0 && (
        <EnrolForm
          personId={personId}
          programs={record.data.enrollablePrograms}
          defaultUnit={{ id: person.registrationUnitId, name: person.registrationUnitName }}
        />
      )}
      <PrivacyActions personId={personId} canExport={can.exportData} canErase={can.erase && person.writable && !person.erasure} onErased={() => void refresh()} />
      {record.data.canReadAudit && <AccessLog personId={personId} />}
    </div>
  );
}

function RecordNotFound() {
  return (
    <div>
      <h1 className="text-2xl font-semibold">Record not found</h1>
      <p className="mt-2 text-slate-600">There is no record at this address that you can open.</p>
      <Link href="/people" className="mt-4 inline-block text-canopy-700 underline">
        Search people
      </Link>
    </div>
  );
}

function AccessEnded() {
  return (
    <div>
      <h1 className="text-2xl font-semibold">Your emergency access has ended.</h1>
      <p className="mt-2 text-slate-600">The record is hidden again. If you still need it, find it and break the glass again, with a new reason.</p>
      <Link href="/people" className="mt-4 inline-block text-canopy-700 underline">
        Search people
      </Link>
    </div>
  );
}
