import type { AccessLevel } from "@/server/records/access";

const STYLES: Record<AccessLevel, { label: string; className: string; title: string }> = {
  open: { label: "Open", className: "bg-canopy-100 text-canopy-900", title: "Readable across the search scope" },
  audited: { label: "Audited", className: "bg-sky-100 text-sky-900", title: "Reads outside the owner's capture scope are audited" },
  protected: { label: "Protected", className: "bg-amber-100 text-amber-900", title: "Outside the owner's capture scope only by breaking the glass" },
  closed: { label: "Closed", className: "bg-slate-200 text-slate-800", title: "Only the owner's capture scope" },
};

/** A program's access level (DESIGN.md §2), as a small label. */
export function AccessBadge({ level }: { level: AccessLevel }) {
  const style = STYLES[level];
  return (
    <span title={style.title} className={`rounded px-1.5 py-0.5 text-xs font-medium ${style.className}`}>
      {style.label}
    </span>
  );
}
