import type { PickedUnit } from "../admin/users/org-unit-picker";
import type { AuditFilters } from "./api-types";

/** The filter form as typed: every field a string (or the picked unit), empty meaning "any". */
export type FilterDraft = {
  actorUserId: string;
  action: string;
  subjectType: string;
  subjectId: string;
  personId: string;
  programId: string;
  orgUnits: PickedUnit[];
  /** datetime-local values, in the browser's time zone. */
  from: string;
  to: string;
  outcome: "" | "success" | "failure";
};

export const EMPTY_DRAFT: FilterDraft = {
  actorUserId: "",
  action: "",
  subjectType: "",
  subjectId: "",
  personId: "",
  programId: "",
  orgUnits: [],
  from: "",
  to: "",
  outcome: "",
};

const text = (value: string) => value.trim() || undefined;
// A datetime-local value has no zone; the browser reads it in its own, and the server gets UTC.
const instant = (value: string) => (value ? new Date(value).toISOString() : undefined);

/** The filters the server takes; the server validates them (ids, and that "From" is before "To"). */
export function toFilters(draft: FilterDraft): AuditFilters {
  return {
    actorUserId: text(draft.actorUserId),
    action: text(draft.action),
    subjectType: text(draft.subjectType),
    subjectId: text(draft.subjectId),
    personId: text(draft.personId),
    programId: text(draft.programId),
    orgUnitId: draft.orgUnits[0]?.id,
    from: instant(draft.from),
    to: instant(draft.to),
    outcome: draft.outcome || undefined,
  };
}
