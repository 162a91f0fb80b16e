import { z } from "zod";

export const listUsersInput = z.object({
  search: z.string().trim().max(200).optional(),
  status: z.enum(["active", "disabled"]).optional(),
  roleKey: z.string().max(64).optional(),
  /** Users with a scope root at or below this unit. */
  orgUnitId: z.uuid().optional(),
  /** The email of the last row of the previous page (keyset pagination; tRPC names it `cursor`). */
  cursor: z.string().max(320).nullish(),
  limit: z.number().int().min(1).max(100).default(25),
});
export type ListUsersInput = z.infer<typeof listUsersInput>;
