import { describe, expect, it } from "vitest";
import { DEFAULT_PASSWORD_POLICY, passwordProblems } from "@/server/auth/password-policy";

const context = { tenantName: "Sierra Leone Ministry of Health", tenantSlug: "moh", displayName: "Fatmata Kamara", email: "f.kamara@moh.gov.sl" };
const problems = (password: string, policy = DEFAULT_PASSWORD_POLICY) => passwordProblems(password, policy, context);

describe("password policy (defaults)", () => {
  it("accepts a long passphrase with spaces and unicode", () => {
    expect(problems("river stones glow at dusk")).toEqual([]);
    expect(problems("ɓaŋ-ŋɔ́ɔ́ tea kettle")).toEqual([]);
  });

  it("refuses fewer than 8 and more than 128 characters, counting characters not bytes", () => {
    expect(problems("tiny7!")).toEqual(["Use at least 8 characters."]);
    expect(problems("ééééééé")).toEqual(["Use at least 8 characters."]);
    expect(problems("x".repeat(129)).filter((p) => p.includes("at most"))).toEqual(["Use at most 128 characters."]);
  });

  it("counts NFKC-normalized characters", () => {
    // "ﬁ" (one ligature) normalizes to "fi" (two letters).
    expect(problems("ﬁﬁﬁﬁ-zq")).toEqual([]);
  });

  it("refuses commonly used passwords, whatever their case", () => {
    expect(problems("password1")).toContain("This password appears in lists of commonly used passwords.");
    expect(problems("Sunshine")).toContain("This password appears in lists of commonly used passwords.");
    expect(problems("iloveyou")).toContain("This password appears in lists of commonly used passwords.");
  });

  it("refuses the tenant's name or slug and the user's name or email local part", () => {
    expect(problems("ministry-rocks-2024")[0]).toMatch(/organisation's name \(“ministry”\)/);
    expect(problems("Kamara-garden-2024")[0]).toMatch(/“kamara”/);
    expect(problems("fatmata was here")[0]).toMatch(/“fatmata”/);
    expect(problems("HEALTHY-walks-9")[0]).toMatch(/“health”/);
  });

  it("has no composition rules unless the tenant opts in", () => {
    expect(problems("all lower case words")).toEqual([]);
    expect(problems("all lower case words", { ...DEFAULT_PASSWORD_POLICY, requireComposition: true })).toEqual([
      "Include an upper-case letter, a digit.",
    ]);
    expect(problems("All lower case words 9", { ...DEFAULT_PASSWORD_POLICY, requireComposition: true })).toEqual([]);
  });

  it("lets a tenant raise the minimum length", () => {
    expect(problems("river stones", { ...DEFAULT_PASSWORD_POLICY, minLength: 15 })).toEqual(["Use at least 15 characters."]);
  });
});
