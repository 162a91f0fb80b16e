/**
 * The one redaction rule of the audit trail: whatever a caller passes, a value under a key that
 * names a secret (passwords and their hashes, TOTP secrets and codes, recovery codes, tokens,
 * cookies, authorization headers) is replaced before it is stored, at any depth.
 */
const SECRET_KEY = /password|secret|token|recoverycode|codehash|totp|otp$|cookie|authorization/i;

export const REDACTED = "[redacted]";

export function redactSecrets<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item) => redactSecrets(item)) as T;
  if (value && typeof value === "object" && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([key, item]) => [key, SECRET_KEY.test(key) ? REDACTED : redactSecrets(item)]),
    ) as T;
  }
  return value;
}
