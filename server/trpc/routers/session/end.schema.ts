import { z } from "zod";

export const endInput = z.object({ sessionId: z.uuid("sessionId must be a session id") });
export type EndInput = z.infer<typeof endInput>;
