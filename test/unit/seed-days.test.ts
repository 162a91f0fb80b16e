import { describe, expect, it } from "vitest";
import { middayOf } from "@/db/seed/days";

const DAY = 86_400_000;

describe("the demo seed's day timestamps", () => {
  it("stand for midday of a past day", () => {
    expect(middayOf(20_000, 20_005 * DAY).toISOString()).toBe("2024-10-04T12:00:00.000Z");
  });

  it("are never in the future: today before midday is now", () => {
    const morning = 20_000 * DAY + 3 * 3_600_000;
    expect(middayOf(20_000, morning).getTime()).toBe(morning);
  });
});
