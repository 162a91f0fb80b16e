import { describe, expect, it } from "vitest";
import { newRecordId } from "@/db/record-id";

const afternoon = Date.UTC(2026, 11, 7, 15, 30, 12, 345);
const dayStamp = (id: string) => Number.parseInt(id.replaceAll("-", "").slice(0, 12), 16);

describe("record ids", () => {
  it("are version 7 UUIDs stamped with the start of their UTC day, not the moment", () => {
    const id = newRecordId(afternoon);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Date(dayStamp(id)).toISOString()).toBe("2026-12-07T00:00:00.000Z");
    expect(dayStamp(newRecordId(Date.UTC(2026, 11, 7, 23, 59, 59, 999)))).toBe(dayStamp(id));
    expect(new Date(dayStamp(newRecordId(Date.UTC(2026, 11, 8)))).toISOString()).toBe("2026-12-08T00:00:00.000Z");
  });

  it("are random after the stamp, so their order does not give away the order they were made in", () => {
    const made = Array.from({ length: 200 }, () => newRecordId(afternoon));
    expect(new Set(made.map((id) => id.slice(14))).size).toBe(made.length);
    // A millisecond v7 with a counter sorts in creation order; 200 random tails never do.
    expect([...made].sort()).not.toEqual(made);
  });
});
