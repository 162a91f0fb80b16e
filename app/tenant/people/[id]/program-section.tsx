"use client";

import { AccessBadge } from "../access-badge";
import type { RecordPermissions, RecordProgram } from "../record-types";
import { EnrolForm } from "./enrol-form";
import { EnrollmentCard } from "./enrollment-card";
import { GrantBanner } from "./grant-banner";
import { OwnershipHistory } from "./ownership-history";
import { TransferForm } from "./transfer-form";

/** One program the caller can read: how (level, owner, grant), its enrolments and its owners. */
export function ProgramSection(props: { personId: string; program: RecordProgram; can: RecordPermissions; onGrantEnded: () => void }) {
  const { personId, program, can } = props;
  const headingId = `program-${program.programId}`;
  const hasActive = program.enrollments.some((e) => e.status === "active");
  return (
    <section aria-labelledby={headingId} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <div>
        <h2 id={headingId} className="flex items-center gap-2 text-lg font-semibold">
          {program.programName} <AccessBadge level={program.accessLevel} />
        </h2>
        <p className="text-sm text-slate-600">
          Owned by {program.ownerUnitName}
          {program.ownerInCapture ? " (your capture scope)" : " (outside your capture scope)"}
        </p>
      </div>
      {program.grant && <GrantBanner grantId={program.grant.id} expiresAt={program.grant.expiresAt} onEnded={props.onGrantEnded} />}
      {!program.writable && !program.grant && (
        <p className="rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-700">
          Read only: this program&apos;s record is owned outside your capture scope, so you can read it but not change it.
        </p>
      )}
      {program.enrollments.length === 0 ? (
        <p className="text-sm text-slate-500">No enrolments.</p>
      ) : (
        program.enrollments.map((enrollment) => (
          <EnrollmentCard key={enrollment.id} personId={personId} program={program} enrollment={enrollment} can={can} />
        ))
      )}
      {program.writable && can.createEnrollment && !hasActive && (
        <EnrolForm
          personId={personId}
          programs={[{ id: program.programId, name: program.programName }]}
          defaultUnit={{ id: program.ownerUnitId, name: program.ownerUnitName }}
        />
      )}
      {program.writable && can.transfer && <TransferForm personId={personId} program={program} />}
      <OwnershipHistory history={program.history} />
    </section>
  );
}
