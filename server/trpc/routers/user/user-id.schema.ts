import { z } from "zod";

export const userIdInput = z.object({ userId: z.uuid("userId must be a user id") });
export type UserIdInput = z.infer<typeof userIdInput>;
