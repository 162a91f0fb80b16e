import { z } from "zod";

/** "Apply now" names the dry run the admin confirmed (its time), so what runs is what they saw. */
export const applyRetentionInput = z.object({ previewedAt: z.string().min(1) });
export type ApplyRetentionInput = z.infer<typeof applyRetentionInput>;
