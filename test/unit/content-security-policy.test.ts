import { describe, expect, it } from "vitest";
import { contentSecurityPolicy } from "@/server/tenancy/content-security-policy";

describe("contentSecurityPolicy", () => {
  it("allows only nonce'd scripts, no framing and no plugins in production", () => {
    const policy = contentSecurityPolicy("abc123", false);
    expect(policy).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).not.toContain("unsafe-eval");
    expect(policy).not.toContain("ws:");
  });

  it("adds only what hot reloading needs in development", () => {
    const policy = contentSecurityPolicy("abc123", true);
    expect(policy).toContain("'unsafe-eval'");
    expect(policy).toContain("connect-src 'self' ws:");
  });
});
