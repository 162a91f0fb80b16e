import { createGuardrails, generateSecret, generateURI, verify } from "otplib";

/** RFC 6238 defaults every authenticator app understands: SHA-1, 6 digits, 30-second steps. */
export const TOTP_PERIOD_SECONDS = 30;

// New secrets are 20 random bytes; verification also accepts 10-byte secrets because the
// documented demo secret (DEMO_TOTP_SECRET, default JBSWY3DPEHPK3PXP) is that long.
const guardrails = createGuardrails({ MIN_SECRET_BYTES: 10 });

export function newTotpSecret(): string {
  return generateSecret({ length: 20 });
}

export function totpUri(secret: string, account: { issuer: string; label: string }): string {
  return generateURI({ issuer: account.issuer, label: account.label, secret });
}

export type TotpCheck = { valid: true; timeStep: number } | { valid: false };

/**
 * Accepts a code for the current time step or one step either side, and never a code for a
 * step at or before `lastStep` (the last one accepted), so a code works once.
 */
export async function checkTotp(secret: string, code: string, lastStep: number | null): Promise<TotpCheck> {
  if (!/^\d{6}$/.test(code)) return { valid: false };
  const result = await verify({
    secret,
    token: code,
    guardrails,
    epochTolerance: TOTP_PERIOD_SECONDS,
    ...(lastStep === null ? {} : { afterTimeStep: lastStep }),
  });
  return result.valid && "timeStep" in result ? { valid: true, timeStep: result.timeStep } : { valid: false };
}
