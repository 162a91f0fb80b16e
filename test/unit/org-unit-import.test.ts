import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkImport, type ImportRow } from "@/server/services/org-unit-import";

const demo = (JSON.parse(readFileSync(path.join(import.meta.dirname, "../../db/seed/data/sierra-leone-orgunits.json"), "utf8")) as ImportRow[]).map(
  ({ id, name, parentId }) => ({ id, name, parentId }),
);

describe("checking an org-unit file", () => {
  it("accepts the demo file: 1,332 units, 1/13/152/1,166 by depth, stray spaces noted", () => {
    const check = checkImport(demo, new Map());
    expect(check.problems).toEqual([]);
    expect(check.toCreate).toHaveLength(1332);
    expect(check.byDepth).toEqual([1, 13, 152, 1166]);
    expect(check.notes.filter((n) => n.includes("stray spaces")).join(" ")).toContain("“ Panderu MCHP”");
    // Parents always come before their children.
    const seen = new Set<string>();
    for (const row of check.toCreate) {
      if (row.parentId) expect(seen.has(row.parentId)).toBe(true);
      seen.add(row.id);
    }
  });

  it("lists every problem and plans nothing", () => {
    const check = checkImport(
      [
        { id: "A", name: "Root", parentId: null },
        { id: "B", name: "Child", parentId: "A" },
        { id: "B", name: "Again", parentId: "A" },
        { id: "C", name: "Orphan", parentId: "ZZZ" },
        { id: "D", name: "Loop one", parentId: "E" },
        { id: "E", name: "Loop two", parentId: "D" },
        { id: "F", name: "clinic", parentId: "A" },
        { id: "G", name: "Clinic", parentId: "A" },
        { id: "H", name: "   ", parentId: "A" },
      ],
      new Map(),
    );
    expect(check.toCreate).toEqual([]);
    expect(check.problems).toEqual(
      expect.arrayContaining([
        "Row 3: the id “B” appears more than once.",
        "“Orphan” (C): its parent “ZZZ” is neither in the file nor in the tree.",
        "“Loop one” (D) is part of a cycle of parents.",
        "“Loop two” (E) is part of a cycle of parents.",
        "“clinic” and “Clinic” differ only in case under the same parent.",
        "Row 9: the name is empty.",
      ]),
    );
  });

  it("adds below existing units and skips what is already there", () => {
    const existing = new Map<string, string | null>([["ROOT", null], ["A", "ROOT"]]);
    const check = checkImport(
      [
        { id: "A", name: "Already here", parentId: "ROOT" },
        { id: "B", name: "New", parentId: "A" },
      ],
      existing,
    );
    expect(check.problems).toEqual([]);
    expect(check.toCreate.map((r) => r.id)).toEqual(["B"]);
    expect(check.alreadyPresent).toBe(1);
    expect(checkImport([{ id: "A", name: "Moved?", parentId: null }], existing).problems[0]).toMatch(/already exists under another parent/);
  });
});
