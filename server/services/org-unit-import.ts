/**
 * Checking an org-unit file before anything is written. Rows come from JSON
 * ({ id, name, parentId }) or CSV (id,name,parent_id[,code]); `id` is the unit's code in
 * Canopy. Problems block the import; notes describe what will be fixed or skipped.
 */
export type ImportRow = { id: string; name: string; parentId: string | null };

export type ImportCheck = {
  problems: string[];
  notes: string[];
  /** Rows to create, parents before children (the order the database needs). */
  toCreate: ImportRow[];
  alreadyPresent: number;
  byDepth: number[];
};

const clean = (name: string) => name.replace(/\s+/g, " ").trim();

/**
 * `existing` maps the codes already in the tenant to their parent's code (null for a root), so a
 * file can add below existing units and a re-run skips what an earlier run created.
 */
export function checkImport(rows: ImportRow[], existing: Map<string, string | null>): ImportCheck {
  const problems: string[] = [];
  const notes: string[] = [];
  const byId = new Map<string, ImportRow>();

  rows.forEach((row, index) => {
    const line = `Row ${index + 1}`;
    if (!row.id) problems.push(`${line}: the id is empty.`);
    else if (byId.has(row.id)) problems.push(`${line}: the id “${row.id}” appears more than once.`);
    if (!clean(row.name)) problems.push(`${line}: the name is empty.`);
    else if (clean(row.name) !== row.name) notes.push(`${line}: stray spaces in “${row.name}” will be removed.`);
    if (row.id) byId.set(row.id, { ...row, name: clean(row.name), parentId: row.parentId || null });
  });

  for (const row of byId.values()) {
    if (row.parentId && !byId.has(row.parentId) && !existing.has(row.parentId)) {
      problems.push(`“${row.name}” (${row.id}): its parent “${row.parentId}” is neither in the file nor in the tree.`);
    }
    if (existing.has(row.id) && (existing.get(row.id) ?? null) !== row.parentId) {
      problems.push(`“${row.name}” (${row.id}): a unit with this code already exists under another parent.`);
    }
  }

  // Cycles among the file's own rows: walk each chain up until it leaves the file.
  const depth = new Map<string, number>();
  const depthOf = (id: string, trail: Set<string>): number => {
    const known = depth.get(id);
    if (known !== undefined) return known;
    const row = byId.get(id);
    if (!row || !row.parentId || !byId.has(row.parentId)) return depth.set(id, 1).get(id)!;
    if (trail.has(id)) return Number.NaN;
    trail.add(id);
    const value = depthOf(row.parentId, trail) + 1;
    depth.set(id, value);
    return value;
  };
  for (const id of byId.keys()) {
    if (Number.isNaN(depthOf(id, new Set()))) problems.push(`“${byId.get(id)!.name}” (${id}) is part of a cycle of parents.`);
  }

  const siblings = new Map<string, string>();
  for (const row of byId.values()) {
    const key = `${row.parentId ?? ""}\u0000${row.name.toLowerCase()}`;
    const other = siblings.get(key);
    if (other !== undefined && other !== row.name) {
      problems.push(`“${other}” and “${row.name}” differ only in case under the same parent.`);
    } else if (other !== undefined) {
      problems.push(`“${row.name}” appears twice under the same parent.`);
    }
    siblings.set(key, row.name);
  }

  const fresh = [...byId.values()].filter((row) => !existing.has(row.id));
  const toCreate = fresh.sort((a, b) => (depth.get(a.id) ?? 0) - (depth.get(b.id) ?? 0));
  const byDepth: number[] = [];
  for (const row of toCreate) {
    const d = (depth.get(row.id) ?? 1) - 1;
    byDepth[d] = (byDepth[d] ?? 0) + 1;
  }
  const alreadyPresent = byId.size - fresh.length;
  if (alreadyPresent) notes.push(`${alreadyPresent} unit(s) already exist and will be left as they are.`);
  return { problems, notes, toCreate: problems.length ? [] : toCreate, alreadyPresent, byDepth: Array.from(byDepth, (n) => n ?? 0) };
}

/** The file's rows with every parent before its children, so slices can be imported in order. */
export function orderParentsFirst(rows: ImportRow[]): ImportRow[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  const depth = new Map<string, number>();
  const depthOf = (row: ImportRow, guard = 0): number => {
    const known = depth.get(row.id);
    if (known !== undefined) return known;
    const parent = row.parentId ? byId.get(row.parentId) : undefined;
    const value = parent && guard < rows.length ? depthOf(parent, guard + 1) + 1 : 0;
    depth.set(row.id, value);
    return value;
  };
  return [...rows].sort((a, b) => depthOf(a) - depthOf(b));
}
