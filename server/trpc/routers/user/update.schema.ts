import { z } from "zod";

export const updateUserInput = z.object({
  userId: z.uuid("userId must be a user id"),
  displayName: z.string().trim().min(1, "Enter the person's name.").max(200, "Use at most 200 characters."),
  email: z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address.")),
});
export type UpdateUserInput = z.infer<typeof updateUserInput>;
