import { describe, expect, it } from "vitest";
import { describeSummary } from "@/server/access/describe-scopes";
import { effectiveScopes, minimalRoots, type ScopeRoot } from "@/server/access/scopes";

const unit = (id: string, path: string): ScopeRoot => ({ id, name: id, code: null, level: path.split(".").length, path });
const bo = unit("Bo", "sl.bo");
const badjia = unit("Badjia", "sl.bo.badjia");
const ngelehun = unit("Ngelehun", "sl.bo.badjia.ngelehun");
const kenema = unit("Kenema", "sl.kenema");
const bonthe = unit("Bonthe", "sl.bonthe");

describe("scope roots", () => {
  it("drop roots covered by another root", () => {
    expect(minimalRoots([ngelehun, badjia, kenema, badjia]).map((r) => r.id)).toEqual(["Badjia", "Kenema"]);
    // "sl.bo" must not be taken for an ancestor of "sl.bonthe".
    expect(minimalRoots([bo, bonthe]).map((r) => r.id)).toEqual(["Bo", "Bonthe"]);
  });

  it("make search = capture ∪ search, and an empty analytics scope the capture scope", () => {
    const effective = effectiveScopes({ capture: [ngelehun], search: [badjia], analytics: [] });
    expect(effective.search.map((r) => r.id)).toEqual(["Badjia"]);
    expect(effective.analytics.map((r) => r.id)).toEqual(["Ngelehun"]);
    expect(effective.analyticsFromCapture).toBe(true);
    const own = effectiveScopes({ capture: [ngelehun], search: [], analytics: [kenema] });
    expect(own.analytics.map((r) => r.id)).toEqual(["Kenema"]);
    expect(own.search.map((r) => r.id)).toEqual(["Ngelehun"]);
  });
});

describe("scope words", () => {
  it("names a single unit, or counts what a root covers in the tenant's level names", () => {
    expect(describeSummary({ root: ngelehun, counts: [{ level: 4, levelName: "Facility", units: 1 }] })).toBe("Ngelehun");
    expect(
      describeSummary({ root: badjia, counts: [{ level: 3, levelName: "Chiefdom", units: 1 }, { level: 4, levelName: "Facility", units: 2 }] }),
    ).toBe("Badjia: 1 chiefdom, 2 facilities");
  });
});
