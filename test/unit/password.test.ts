import { describe, expect, it } from "vitest";
import { hashPassword, needsRehash, verifyPassword } from "@/server/auth/password";

describe("password hashing", () => {
  it("uses argon2id with its parameters stored in the hash", async () => {
    const hash = await hashPassword("correct horse battery staple");
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hash, "correct horse battery staple")).toBe(true);
    expect(await verifyPassword(hash, "correct horse battery stapl")).toBe(false);
  });

  it("normalizes unicode (NFKC) so the same password typed differently still matches", async () => {
    const hash = await hashPassword("café ﬁsh");
    expect(await verifyPassword(hash, "cafe\u0301 fish")).toBe(true);
  });

  it("treats a malformed hash as a mismatch, not a crash", async () => {
    expect(await verifyPassword("not-a-hash", "anything")).toBe(false);
  });
});

describe("rehashing", () => {
  it("asks for a rehash only when the stored parameters differ from today's", async () => {
    expect(needsRehash(await hashPassword("x"))).toBe(false);
    expect(needsRehash("$argon2id$v=19$m=4096,t=3,p=1$c2FsdHNhbHQ$aGFzaA")).toBe(true);
    expect(needsRehash("$argon2i$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaA")).toBe(true);
    expect(needsRehash("$2b$10$bcrypt-from-a-migration")).toBe(true);
  });
});
