import type { sessionStage } from "@/db/schema";
import { twoFactorRequired, type SecurityPolicy } from "./security-policy";

export type SessionStage = (typeof sessionStage.enumValues)[number];

/** Where each unfinished stage is completed; nothing else is reachable until it is. */
export const STAGE_PATHS: Record<SessionStage, string> = {
  active: "/",
  mfa_required: "/sign-in/two-factor",
  password_change_required: "/account/password",
  mfa_enrolment_required: "/account/two-factor",
};

export type AccountFacts = {
  totpEnabledAt: Date | null;
  passwordMustChange: boolean;
  passwordChangedAt: Date;
  roleKeys: readonly string[];
};

/**
 * The stage a session is in: the second factor first (if enrolled), then a required password
 * change (temporary or expired password), then a required two-factor enrolment.
 */
export function stageFor(account: AccountFacts, policy: SecurityPolicy, secondFactorDone: boolean): SessionStage {
  if (account.totpEnabledAt && !secondFactorDone) return "mfa_required";
  if (account.passwordMustChange || passwordExpired(account, policy)) return "password_change_required";
  if (!account.totpEnabledAt && twoFactorRequired(policy, account.roleKeys)) return "mfa_enrolment_required";
  return "active";
}

function passwordExpired(account: AccountFacts, policy: SecurityPolicy): boolean {
  const days = policy.password.maxAgeDays;
  return days !== null && account.passwordChangedAt.getTime() + days * 86_400_000 < Date.now();
}
