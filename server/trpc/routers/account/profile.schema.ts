import { z } from "zod";

export const updateProfileInput = z.object({
  displayName: z.string().trim().min(1, "Enter your name.").max(200, "Use at most 200 characters."),
  phone: z
    .string()
    .trim()
    .max(32, "That phone number is too long.")
    .regex(/^(\+?[0-9][0-9 ()-]{5,30})?$/, "Enter a phone number with digits, spaces, brackets or dashes, e.g. +232 76 123456."),
});
export type UpdateProfileInput = z.infer<typeof updateProfileInput>;

export const changeEmailInput = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address.")),
  password: z.string().min(1, "Enter your password to confirm.").max(1024),
});
export type ChangeEmailInput = z.infer<typeof changeEmailInput>;
