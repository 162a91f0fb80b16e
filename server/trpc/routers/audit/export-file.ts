import Papa from "papaparse";
import type { AuditEventRow } from "./find-events";
import type { AuditFilters } from "./filters.schema";

export type ExportFormat = "csv" | "json";

/** The CSV's columns: one per event field; details and changes as JSON text. */
const CSV_COLUMNS: (keyof AuditEventRow)[] = [
  "at",
  "lane",
  "seq",
  "id",
  "actorName",
  "actorUserId",
  "apiClientId",
  "action",
  "subjectType",
  "subjectId",
  "personId",
  "programId",
  "programName",
  "orgUnitId",
  "orgUnitName",
  "reason",
  "outcome",
  "ip",
  "userAgent",
  "requestId",
  "details",
  "changes",
  "hash",
];

const cell = (value: unknown) => (value === null ? "" : typeof value === "object" ? JSON.stringify(value) : value);

/**
 * The export file's content. CSV cells are quoted by Papa.unparse, and a cell starting like a
 * spreadsheet formula (=, +, -, @) is escaped, since names and reasons are typed by users. JSON
 * carries what was asked for alongside the events.
 */
export function exportContent(format: ExportFormat, events: AuditEventRow[], about: { exportedAt: Date; filters: AuditFilters; truncated: boolean }): string {
  if (format === "json") return JSON.stringify({ exportedAt: about.exportedAt.toISOString(), filters: about.filters, truncated: about.truncated, events }, null, 2);
  return Papa.unparse(
    { fields: CSV_COLUMNS, data: events.map((event) => CSV_COLUMNS.map((column) => cell(event[column]))) },
    { escapeFormulae: true },
  );
}

/** e.g. audit-trail-demo-2026-05-20T12-05-57Z.csv: sortable, and safe in every file system. */
export function exportFilename(format: ExportFormat, tenantSlug: string, exportedAt: Date): string {
  const stamp = exportedAt.toISOString().replace(/\.\d+Z$/, "Z").replaceAll(":", "-");
  return `audit-trail-${tenantSlug}-${stamp}.${format}`;
}
