import { z } from "zod";

export const changePasswordInput = z.object({
  currentPassword: z.string().max(1024).optional(),
  newPassword: z.string().min(1, "Enter a new password.").max(1024, "That password is too long."),
});
export type ChangePasswordInput = z.infer<typeof changePasswordInput>;

export const checkPasswordInput = z.object({ password: z.string().max(1024) });
export type CheckPasswordInput = z.infer<typeof checkPasswordInput>;
