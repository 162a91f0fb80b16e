import { z } from "zod";
import { auditFilters } from "./filters.schema";

/** The most events one export holds; a larger selection is cut to the newest and says so. */
export const EXPORT_LIMIT = 50_000;

export const exportInput = z.object({
  filters: auditFilters.default({}),
  format: z.enum(["csv", "json"]),
});
export type ExportInput = z.infer<typeof exportInput>;
