import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/trpc/root";

/** What the record procedures return, as the browser receives it (dates arrive as ISO strings). */
type Outputs = inferRouterOutputs<AppRouter>;
export type SearchResult = Outputs["record"]["search"];
export type PersonRecord = Outputs["record"]["get"];
export type RecordProgram = PersonRecord["programs"][number];
export type RecordEnrollment = RecordProgram["enrollments"][number];
export type RecordEvent = RecordEnrollment["events"][number];
export type TypeAttribute = Outputs["program"]["types"][number]["attributes"][number];

/** What the signed-in user may do with records, worked out by the page from the packed rules. */
export type RecordPermissions = {
  updatePerson: boolean;
  createEnrollment: boolean;
  updateEnrollment: boolean;
  deleteEnrollment: boolean;
  createEvent: boolean;
  updateEvent: boolean;
  deleteEvent: boolean;
  transfer: boolean;
  breakGlass: boolean;
  exportData: boolean;
  erase: boolean;
};
