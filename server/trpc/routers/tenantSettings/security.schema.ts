import { z } from "zod";
import { SYSTEM_ROLES } from "@/server/access/system-roles";

const domain = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/, "Enter domains like moh.gov.sl.");

/** Everything the Security settings form edits; every field is required so nothing is half-set. */
export const updateSecurityInput = z
  .object({
    allowedEmailDomains: z.array(domain).max(20, "Use at most 20 domains."),
    password: z.object({
      minLength: z.number().int().min(8, "The minimum length cannot be below 8.").max(64, "Use at most 64."),
      requireComposition: z.boolean(),
      historySize: z.number().int().min(0).max(24, "Remember at most 24 passwords."),
      maxAgeDays: z.number().int().min(30, "Expiry, if set, must be at least 30 days.").max(3650).nullable(),
    }),
    session: z.object({
      idleMinutes: z.number().int().min(5, "At least 5 minutes.").max(1440, "At most 24 hours."),
      absoluteHours: z.number().int().min(1, "At least 1 hour.").max(168, "At most 7 days."),
    }),
    twoFactor: z.object({
      required: z.enum(["everyone", "roles", "none"]),
      roles: z.array(z.enum(SYSTEM_ROLES.map((r) => r.key) as [string, ...string[]])).max(20),
    }),
  })
  .refine((value) => value.twoFactor.required !== "roles" || value.twoFactor.roles.length > 0, {
    path: ["twoFactor", "roles"],
    message: "Choose at least one role, or require two-factor for everyone or no one.",
  });
export type UpdateSecurityInput = z.infer<typeof updateSecurityInput>;
