import { dictionary } from "@zxcvbn-ts/language-common";

/**
 * NIST SP 800-63B by default: 8 to 128 characters, anything allowed (NFKC-normalized), no
 * composition rules and no expiry unless a tenant opts in, and never a commonly used password or
 * one built from the tenant's or the user's own names.
 */
export type PasswordPolicy = {
  minLength: number;
  maxLength: number;
  requireComposition: boolean;
  historySize: number;
  maxAgeDays: number | null;
};

export const DEFAULT_PASSWORD_POLICY: PasswordPolicy = {
  minLength: 8,
  maxLength: 128,
  requireComposition: false,
  historySize: 5,
  maxAgeDays: null,
};

export type PasswordContext = { tenantName: string; tenantSlug: string; displayName: string; email: string };

const COMMON = new Set(dictionary["passwords-common"]);

export const normalizePassword = (password: string) => password.normalize("NFKC");

/** Words of at least four letters from the tenant's and user's names; shorter ones are too common to refuse. */
function personalWords(context: PasswordContext): string[] {
  const sources = [context.tenantName, context.tenantSlug, context.displayName, context.email.split("@")[0] ?? ""];
  const words = sources.flatMap((source) => source.toLowerCase().split(/[^\p{L}\p{N}]+/u));
  return [...new Set(words.filter((word) => word.length >= 4))];
}

/** Every reason the password is refused, in words a user can act on; empty when it is acceptable. */
export function passwordProblems(raw: string, policy: PasswordPolicy, context: PasswordContext): string[] {
  const password = normalizePassword(raw);
  const length = [...password].length;
  const problems: string[] = [];
  if (length < policy.minLength) problems.push(`Use at least ${policy.minLength} characters.`);
  if (length > policy.maxLength) problems.push(`Use at most ${policy.maxLength} characters.`);

  const lower = password.toLowerCase();
  if (COMMON.has(lower) || COMMON.has(lower.replace(/\s+/g, ""))) {
    problems.push("This password appears in lists of commonly used passwords.");
  }
  const personal = personalWords(context).find((word) => lower.includes(word));
  if (personal) problems.push(`Do not use your name, your email or your organisation's name (“${personal}”).`);

  if (policy.requireComposition) {
    const missing = [
      [/\p{Lu}/u, "an upper-case letter"],
      [/\p{Ll}/u, "a lower-case letter"],
      [/\p{N}/u, "a digit"],
      [/[^\p{L}\p{N}]/u, "a symbol or space"],
    ]
      .filter(([pattern]) => !(pattern as RegExp).test(password))
      .map(([, label]) => label);
    if (missing.length) problems.push(`Include ${missing.join(", ")}.`);
  }
  return problems;
}
