import { z } from "zod";
import { timeCursor } from "@/server/trpc/keyset";

export const attemptsInput = z.object({
  outcome: z.enum(["success", "failure"]).optional(),
  email: z.string().trim().toLowerCase().max(320).optional(),
  ip: z.string().trim().max(64).optional(),
  cursor: timeCursor,
  limit: z.number().int().min(1).max(100).default(50),
});
export type AttemptsInput = z.infer<typeof attemptsInput>;

export const flagsInput = z.object({ cursor: timeCursor, limit: z.number().int().min(1).max(100).default(50) });
export type FlagsInput = z.infer<typeof flagsInput>;
