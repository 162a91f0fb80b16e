export type TreeUnit = { id: string; name: string; level: number; childCount: number };

/** How many children lists are asked for at once: tRPC batches them into one request, whose URL must stay short. */
const PARALLEL = 10;

/**
 * Every unit at `level` below `root`, found by walking the tree one level at a time with
 * orgUnit.children (the API has no descendants query). Branches that stop early add nothing.
 */
export async function unitsAtLevel(root: string, level: number, children: (parentId: string) => Promise<TreeUnit[]>): Promise<TreeUnit[]> {
  const found: TreeUnit[] = [];
  let frontier = [root];
  while (frontier.length > 0) {
    const next: string[] = [];
    for (let start = 0; start < frontier.length; start += PARALLEL) {
      const lists = await Promise.all(frontier.slice(start, start + PARALLEL).map(children));
      for (const unit of lists.flat()) {
        if (unit.level === level) found.push(unit);
        else if (unit.level < level && unit.childCount > 0) next.push(unit.id);
      }
    }
    frontier = next;
  }
  return found;
}
