import { z } from "zod";

export const createUserInput = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address.")),
  displayName: z.string().trim().min(1, "Enter the person's name.").max(200, "Use at most 200 characters."),
  roleKeys: z.array(z.string().max(64)).max(10).default([]),
});
export type CreateUserInput = z.infer<typeof createUserInput>;
