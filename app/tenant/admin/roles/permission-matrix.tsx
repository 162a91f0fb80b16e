"use client";

const SUBJECT_LABELS: Record<string, string> = {
  orgUnit: "Organisation units",
  user: "Users",
  role: "Roles",
  program: "Programs",
  trackedEntity: "People",
  enrollment: "Enrolments",
  event: "Events",
  auditLog: "Audit trail",
  tenantSettings: "Tenant settings",
  analytics: "Aggregates",
};

/** Subjects × create/read/update/delete, then the purpose permissions; what the editor lacks is disabled. */
export function PermissionMatrix(props: {
  subjects: string[];
  crudActions: string[];
  purposes: { key: string; description: string }[];
  held: string[];
  value: string[];
  onChange: (permissions: string[]) => void;
}) {
  const toggle = (key: string, on: boolean) => props.onChange(on ? [...props.value, key] : props.value.filter((k) => k !== key));
  const cell = (key: string, label: string) => (
    <input
      type="checkbox"
      aria-label={label}
      checked={props.value.includes(key)}
      disabled={!props.held.includes(key)}
      title={props.held.includes(key) ? undefined : "You do not hold this permission yourself."}
      onChange={(e) => toggle(key, e.target.checked)}
    />
  );
  return (
    <div className="space-y-3 text-sm">
      <table className="border border-slate-200" aria-label="Permissions">
        <thead className="bg-slate-50">
          <tr>
            <th scope="col" className="px-3 py-1 text-left font-medium">Subject</th>
            {props.crudActions.map((action) => (
              <th key={action} scope="col" className="px-3 py-1 font-medium capitalize">
                {action}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.subjects.map((subject) => (
            <tr key={subject} className="border-t border-slate-100">
              <th scope="row" className="px-3 py-1 text-left font-normal">
                {SUBJECT_LABELS[subject] ?? subject}
              </th>
              {props.crudActions.map((action) => (
                <td key={action} className="px-3 py-1 text-center">
                  {cell(`${action}:${subject}`, `${action} ${SUBJECT_LABELS[subject] ?? subject}`)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <fieldset>
        <legend className="font-medium">Purpose permissions</legend>
        {props.purposes.map((p) => (
          <label key={p.key} className="mt-1 flex items-center gap-2">
            {cell(p.key, p.description)}
            {p.description}
          </label>
        ))}
      </fieldset>
    </div>
  );
}
