import { describe, expect, it } from "vitest";
import { DEFAULT_SECURITY_POLICY, twoFactorRequired } from "@/server/auth/security-policy";

describe("who must use two-factor", () => {
  it("follows the tenant's policy for most roles", () => {
    const none = { ...DEFAULT_SECURITY_POLICY, twoFactor: { required: "none" as const, roles: [] } };
    expect(twoFactorRequired(none, ["tenant_admin"])).toBe(false);
    expect(twoFactorRequired(DEFAULT_SECURITY_POLICY, ["tenant_admin"])).toBe(true);
    expect(twoFactorRequired(DEFAULT_SECURITY_POLICY, ["data_entry_clerk"])).toBe(false);
  });

  it("always requires it of auditors, even when the tenant requires it of nobody", () => {
    const none = { ...DEFAULT_SECURITY_POLICY, twoFactor: { required: "none" as const, roles: [] } };
    expect(twoFactorRequired(none, ["auditor"])).toBe(true);
    expect(twoFactorRequired({ ...DEFAULT_SECURITY_POLICY, twoFactor: { required: "roles", roles: ["tenant_admin"] } }, ["auditor"])).toBe(true);
  });
});
