import { describe, expect, it } from "vitest";
import { prefixUpperBound } from "@/server/records/search-value";

/** The database compares search values byte-wise (collate "C"), so these compare UTF-8 bytes. */
const bytes = (a: string, b: string) => Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));

describe("prefixUpperBound", () => {
  it("is above every value with the prefix and below the next prefix", () => {
    for (const prefix of ["kam", "kà", "ọ", "a b"]) {
      const bound = prefixUpperBound(prefix);
      for (const value of [prefix, `${prefix}a`, `${prefix}zzzz`, `${prefix}ÿ`, `${prefix}\u{FFFF}`, `${prefix}😀`]) {
        expect(bytes(value, bound)).toBeLessThan(0);
      }
      expect(bytes(prefix, bound)).toBeLessThan(0);
    }
    expect(bytes("kan", prefixUpperBound("kam"))).toBeGreaterThan(0);
    expect(bytes("kb", prefixUpperBound("ka"))).toBeGreaterThan(0);
  });
});
