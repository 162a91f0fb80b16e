import { z } from "zod";

/** Specific notifications, or all of the caller's when `ids` is omitted. */
export const markReadInput = z.object({ ids: z.array(z.uuid()).max(100).optional() });
export type MarkReadInput = z.infer<typeof markReadInput>;
