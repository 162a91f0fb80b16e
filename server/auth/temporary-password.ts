import { randomInt } from "node:crypto";
import { passwordProblems, type PasswordPolicy } from "./password-policy";
import type { PasswordContext } from "./password-policy";

const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

/**
 * A password an administrator hands over once: four groups of five characters (about 98 bits),
 * regenerated in the rare case it breaks the tenant's own policy. The user must replace it.
 */
export function temporaryPassword(policy: PasswordPolicy, context: PasswordContext): string {
  for (;;) {
    const groups = Array.from({ length: 4 }, () => Array.from({ length: 5 }, () => ALPHABET[randomInt(ALPHABET.length)]).join(""));
    const candidate = groups.join("-");
    if (passwordProblems(candidate, { ...policy, requireComposition: false }, context).length === 0) return candidate;
  }
}
