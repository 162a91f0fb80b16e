/**
 * Every permission Canopy knows, as (action, subject) with the words an admin reads. Roles hold
 * them as "action:subject" strings; CASL turns a user's union into an ability per request.
 */
export const SUBJECTS = [
  "orgUnit",
  "user",
  "role",
  "program",
  "trackedEntity",
  "enrollment",
  "event",
  "auditLog",
  "tenantSettings",
  "analytics",
] as const;
export type Subject = (typeof SUBJECTS)[number];

export const CRUD_ACTIONS = ["create", "read", "update", "delete"] as const;
export const PURPOSE_ACTIONS = [
  "breakGlass",
  "reviewBreakGlass",
  "accessAllRecords",
  "transferOwnership",
  "exportData",
  "erase",
  "resetTwoFactor",
  "manageSecurity",
] as const;
export type Action = (typeof CRUD_ACTIONS)[number] | (typeof PURPOSE_ACTIONS)[number];

export type Permission = { action: Action; subject: Subject; description: string };

const SUBJECT_WORDS: Record<Subject, string> = {
  orgUnit: "organisation units",
  user: "user accounts",
  role: "roles",
  program: "programs",
  trackedEntity: "people's records",
  enrollment: "enrolments",
  event: "events",
  auditLog: "the audit trail",
  tenantSettings: "tenant settings",
  analytics: "aggregate figures",
};

export const PERMISSIONS: readonly Permission[] = [
  ...SUBJECTS.flatMap((subject) =>
    CRUD_ACTIONS.map((action) => ({ action, subject, description: `${action[0]!.toUpperCase()}${action.slice(1)} ${SUBJECT_WORDS[subject]}` })),
  ),
  { action: "breakGlass", subject: "trackedEntity", description: "Break the glass on a protected record, with a stated reason" },
  { action: "reviewBreakGlass", subject: "trackedEntity", description: "Review break-the-glass grants on records owned in one's capture scope" },
  {
    action: "accessAllRecords",
    subject: "trackedEntity",
    description: "All records in the tenant whatever their owner or access level (every read audited; no break the glass)",
  },
  { action: "transferOwnership", subject: "enrollment", description: "Transfer a person's enrolment to another organisation unit" },
  { action: "exportData", subject: "trackedEntity", description: "Export everything held about a person" },
  { action: "erase", subject: "trackedEntity", description: "Erase a person's identifying data on a lawful request (the record stays, pseudonymized)" },
  { action: "resetTwoFactor", subject: "user", description: "Reset a user's two-factor authentication" },
  { action: "manageSecurity", subject: "tenantSettings", description: "Change sign-in and password security settings" },
];

export const permissionKey = (p: { action: string; subject: string }) => `${p.action}:${p.subject}`;
export const ALL_PERMISSION_KEYS: readonly string[] = PERMISSIONS.map(permissionKey);
