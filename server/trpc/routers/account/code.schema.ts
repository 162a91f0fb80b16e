import { z } from "zod";

/** A six-digit code from an authenticator app, or a recovery code such as "abcde-23456". */
export const codeInput = z.object({
  code: z.string().trim().min(6, "Enter the 6-digit code from your app, or a recovery code.").max(32, "That code is too long."),
});
export type CodeInput = z.infer<typeof codeInput>;
