import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Transaction } from "@/db/client";
import { tenant } from "@/db/schema";
import { DEFAULT_PASSWORD_POLICY } from "./password-policy";

/**
 * A tenant's security settings (tenant.settings.security), with safe defaults for everything a
 * tenant has not set: NIST password rules, two-factor required for tenant admins and auditors,
 * sessions that end after 30 idle minutes or 12 hours.
 */
export const securitySettings = z.object({
  allowedEmailDomains: z.array(z.string().toLowerCase()).default([]),
  password: z
    .object({
      minLength: z.number().int().min(8).max(128).default(DEFAULT_PASSWORD_POLICY.minLength),
      maxLength: z.number().int().min(8).max(128).default(DEFAULT_PASSWORD_POLICY.maxLength),
      requireComposition: z.boolean().default(DEFAULT_PASSWORD_POLICY.requireComposition),
      historySize: z.number().int().min(0).max(24).default(DEFAULT_PASSWORD_POLICY.historySize),
      maxAgeDays: z.number().int().positive().nullable().default(DEFAULT_PASSWORD_POLICY.maxAgeDays),
    })
    .prefault({}),
  session: z
    .object({
      idleMinutes: z.number().int().min(5).max(1440).default(30),
      absoluteHours: z.number().int().min(1).max(168).default(12),
    })
    .prefault({}),
  twoFactor: z
    .object({
      required: z.enum(["everyone", "roles", "none"]).default("roles"),
      roles: z.array(z.string()).default(["tenant_admin", "auditor"]),
    })
    .prefault({}),
});

export type SecurityPolicy = z.infer<typeof securitySettings>;
export type SessionLimits = SecurityPolicy["session"];

export const DEFAULT_SECURITY_POLICY: SecurityPolicy = securitySettings.parse({});

export function parseSecurityPolicy(settings: unknown): SecurityPolicy {
  const raw = (settings as { security?: unknown } | null)?.security ?? {};
  const parsed = securitySettings.safeParse(raw);
  // A malformed setting must not weaken anything: fall back to the safe defaults.
  return parsed.success ? parsed.data : DEFAULT_SECURITY_POLICY;
}

export async function loadSecurityPolicy(tx: Transaction, tenantId: string): Promise<SecurityPolicy> {
  const [row] = await tx.select({ settings: tenant.settings }).from(tenant).where(eq(tenant.id, tenantId));
  return parseSecurityPolicy(row?.settings);
}

/** Roles that always sign in with a second factor, whatever the tenant's policy says. */
export const ALWAYS_TWO_FACTOR_ROLES: readonly string[] = ["auditor"];

export function twoFactorRequired(policy: SecurityPolicy, roleKeys: readonly string[]): boolean {
  // A regulator's reader of the audit trail must use two-factor (issue: audit trail).
  if (roleKeys.some((key) => ALWAYS_TWO_FACTOR_ROLES.includes(key))) return true;
  if (policy.twoFactor.required === "everyone") return true;
  if (policy.twoFactor.required === "none") return false;
  return roleKeys.some((key) => policy.twoFactor.roles.includes(key));
}
