import { z } from "zod";

/**
 * The records settings form. The limits are those of `recordSettings` (server/records/record-settings.ts),
 * which the handler applies again before storing; here they carry messages a person can act on.
 * Pure zod, so the browser's form checks the same rules.
 */
export const updateRecordsInput = z.object({
  breakGlassMinutes: z
    .number("Enter the break-the-glass duration in minutes.")
    .int("Use whole minutes.")
    .min(1, "Breaking the glass must last at least 1 minute.")
    .max(1440, "Breaking the glass can last at most 24 hours (1440 minutes)."),
  searchMinAttributes: z
    .number("Enter how many attributes a search needs.")
    .int("Use a whole number of attributes.")
    .min(1, "A search needs at least 1 attribute.")
    .max(5, "A search can require at most 5 attributes."),
});
export type UpdateRecordsInput = z.infer<typeof updateRecordsInput>;
