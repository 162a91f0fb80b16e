import { z } from "zod";
import { timeCursor } from "@/server/trpc/keyset";
import { auditFilters } from "./filters.schema";

export const listInput = z.object({
  filters: auditFilters.default({}),
  cursor: timeCursor,
  limit: z.number().int().min(1).max(100).default(50),
});
export type ListInput = z.infer<typeof listInput>;
