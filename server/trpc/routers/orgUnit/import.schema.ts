import { z } from "zod";

const row = z.object({
  id: z.string().trim().max(100, "An id is at most 100 characters."),
  name: z.string().max(230, "A name is at most 230 characters."),
  parentId: z.string().trim().max(100).nullable(),
});

export const checkImportInput = z.object({ rows: z.array(row).min(1, "The file has no units.").max(200_000, "Import at most 200,000 units at a time.") });
export type CheckImportInput = z.infer<typeof checkImportInput>;

/** One slice of a checked import, parents before children; slices are sent in order. */
export const importBatchInput = z.object({ rows: z.array(row).min(1).max(1000, "Send at most 1,000 units per batch.") });
export type ImportBatchInput = z.infer<typeof importBatchInput>;
