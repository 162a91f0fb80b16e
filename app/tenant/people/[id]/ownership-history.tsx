import type { RecordProgram } from "../record-types";

const when = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

/** Who owned the program's record, from the first enrolment through every transfer. */
export function OwnershipHistory({ history }: { history: RecordProgram["history"] }) {
  if (history.length === 0) return null;
  return (
    <div className="text-sm">
      <h3 className="font-medium">Ownership history</h3>
      <ol className="mt-1 space-y-1 text-slate-700">
        {history.map((change, index) => (
          <li key={index}>
            <span className="text-slate-500">{when.format(new Date(change.changedAt))}:</span>{" "}
            {change.fromName ? `transferred from ${change.fromName} to ${change.toName}` : `enrolled at ${change.toName}`}
            {change.changedByName && ` by ${change.changedByName}`}
            {change.reason && <span className="text-slate-500"> — “{change.reason}”</span>}
          </li>
        ))}
      </ol>
    </div>
  );
}
