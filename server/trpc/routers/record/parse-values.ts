import { TRPCError } from "@trpc/server";
import type { z } from "zod";

/** Checks values against a schema built from metadata; a failure is a 400 with every field's message. */
export function parseValues<T>(schema: z.ZodType<T, unknown>, input: unknown): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new TRPCError({ code: "BAD_REQUEST", message: "Some values are not valid.", cause: parsed.error });
  return parsed.data;
}
