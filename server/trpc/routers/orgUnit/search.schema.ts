import { z } from "zod";

export const searchInput = z.object({
  query: z.string().trim().min(1, "Type part of a name.").max(100),
  limit: z.number().int().min(1).max(50).default(20),
});
export type SearchInput = z.infer<typeof searchInput>;
