/** DESIGN.md §2 in one line per level, for the list's badges and the editor's choice. */
export const ACCESS_LEVELS = [
  {
    value: "open",
    label: "Open",
    explanation: "Users read and update records anywhere in their search scope.",
    badge: "bg-slate-100 text-slate-700",
  },
  {
    value: "audited",
    label: "Audited",
    explanation: "Like open, but every read outside the user's capture scope is audited.",
    badge: "bg-sky-100 text-sky-900",
  },
  {
    value: "protected",
    label: "Protected",
    explanation: "Outside the capture scope, records open only by breaking the glass: a stated reason, for a limited time, audited.",
    badge: "bg-amber-100 text-amber-900",
  },
  {
    value: "closed",
    label: "Closed",
    explanation: "Records are seen only in the user's capture scope; the glass cannot be broken.",
    badge: "bg-red-100 text-red-900",
  },
] as const;

export type AccessLevel = (typeof ACCESS_LEVELS)[number]["value"];

export const accessLevel = (value: AccessLevel) => ACCESS_LEVELS.find((level) => level.value === value)!;

/** 180 → "3 h", 90 → "1 h 30 min", 45 → "45 min". */
export function formatMinutes(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}
