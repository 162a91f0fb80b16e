import { generate } from "otplib";
import { describe, expect, it } from "vitest";
import { hashRecoveryCode, looksLikeRecoveryCode, newRecoveryCodes, RECOVERY_CODE_COUNT } from "@/server/auth/recovery-codes";
import { checkTotp, newTotpSecret, TOTP_PERIOD_SECONDS } from "@/server/auth/totp";

const secret = "JBSWY3DPEHPK3PXP";
const codeAt = (seconds: number, s: string) => generate({ secret: s, epoch: seconds });
const now = () => Math.floor(Date.now() / 1000);

describe("TOTP", () => {
  it("creates 20-byte secrets", () => {
    expect(newTotpSecret()).toMatch(/^[A-Z2-7]{32}$/);
  });

  it("accepts the current code and one step either side, not two", async () => {
    const fresh = newTotpSecret();
    for (const offset of [0, -TOTP_PERIOD_SECONDS, TOTP_PERIOD_SECONDS]) {
      expect((await checkTotp(fresh, await codeAt(now() + offset, fresh), null)).valid).toBe(true);
    }
    for (const offset of [-3 * TOTP_PERIOD_SECONDS, 3 * TOTP_PERIOD_SECONDS]) {
      expect((await checkTotp(fresh, await codeAt(now() + offset, fresh), null)).valid).toBe(false);
    }
  });

  it("accepts a code once: the same step, or an earlier one, is a replay", async () => {
    const fresh = newTotpSecret();
    const first = await checkTotp(fresh, await codeAt(now(), fresh), null);
    if (!first.valid) throw new Error("first use refused");
    expect(await checkTotp(fresh, await codeAt(now(), fresh), first.timeStep)).toEqual({ valid: false });
    expect(await checkTotp(fresh, await codeAt(now() - TOTP_PERIOD_SECONDS, fresh), first.timeStep)).toEqual({ valid: false });
  });

  it("works with the 10-byte demo secret", async () => {
    const { generate: generateWithGuardrails, createGuardrails } = await import("otplib");
    const code = await generateWithGuardrails({ secret, guardrails: createGuardrails({ MIN_SECRET_BYTES: 10 }) });
    expect((await checkTotp(secret, code, null)).valid).toBe(true);
  });

  it("refuses anything that is not six digits", async () => {
    for (const code of ["", "12345", "1234567", "abcdef", "12 345"]) {
      expect(await checkTotp(secret, code, null)).toEqual({ valid: false });
    }
  });
});

describe("recovery codes", () => {
  it("makes ten distinct, well-formed codes", () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(new Set(codes).size).toBe(RECOVERY_CODE_COUNT);
    for (const code of codes) expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
  });

  it("hashes typed-back variants alike and never to the code itself", () => {
    const [code] = newRecoveryCodes();
    expect(hashRecoveryCode(code!.toUpperCase().replace("-", " "))).toBe(hashRecoveryCode(code!));
    expect(hashRecoveryCode(code!)).not.toContain(code!.replace("-", ""));
  });

  it("tells a recovery code from a TOTP code", () => {
    expect(looksLikeRecoveryCode("abcde-23456")).toBe(true);
    expect(looksLikeRecoveryCode("123456")).toBe(false);
    expect(looksLikeRecoveryCode("1234567890")).toBe(false);
  });
});
