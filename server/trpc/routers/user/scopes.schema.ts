import { z } from "zod";

const roots = z.array(z.uuid("Choose organisation units from the tree.")).max(50, "Choose at most 50 units.");

export const setScopesInput = z.object({
  userId: z.uuid("userId must be a user id"),
  capture: roots,
  search: roots,
  analytics: roots,
});
export type SetScopesInput = z.infer<typeof setScopesInput>;
