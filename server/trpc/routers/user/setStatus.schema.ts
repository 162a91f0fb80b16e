import { z } from "zod";

export const setStatusInput = z.object({
  userId: z.uuid("userId must be a user id"),
  status: z.enum(["active", "disabled"]),
});
export type SetStatusInput = z.infer<typeof setStatusInput>;
