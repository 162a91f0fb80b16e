import { ALL_PERMISSION_KEYS } from "./permissions";

/** The roles every tenant has. They cannot be deleted or stripped of their permissions. */
export type SystemRole = { key: string; name: string; description: string; permissions: readonly string[] };

const clerk = [
  "read:orgUnit",
  "read:program",
  "create:trackedEntity",
  "read:trackedEntity",
  "update:trackedEntity",
  "create:enrollment",
  "read:enrollment",
  "update:enrollment",
  "create:event",
  "read:event",
  "update:event",
  // DESIGN.md §1: any staff member may break the glass in an emergency (audited, reviewed).
  "breakGlass:trackedEntity",
];

export const SYSTEM_ROLES: readonly SystemRole[] = [
  {
    key: "tenant_admin",
    name: "Tenant admin",
    description: "Everything in this tenant, including users, roles and security settings.",
    permissions: ALL_PERMISSION_KEYS,
  },
  {
    key: "data_entry_clerk",
    name: "Data entry clerk",
    description: "Registers people and records enrolments and events in their capture scope.",
    permissions: clerk,
  },
  {
    key: "supervisor",
    name: "Supervisor",
    description: "A clerk who may also correct and remove records, transfer ownership and break the glass.",
    permissions: [...clerk, "delete:enrollment", "delete:event", "transferOwnership:enrollment", "reviewBreakGlass:trackedEntity", "read:user"],
  },
  {
    key: "analyst",
    name: "Analyst",
    description: "Aggregate figures in their analytics scope; never individual records.",
    permissions: ["read:orgUnit", "read:program", "read:analytics"],
  },
  {
    key: "auditor",
    name: "Auditor",
    description: "Reads the audit trail and reports; nothing else.",
    permissions: ["read:auditLog", "read:orgUnit"],
  },
];
