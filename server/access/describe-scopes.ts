import type { ScopeSummary } from "./scopes";

function countWord(units: number, levelName: string): string {
  const word = levelName.toLowerCase();
  if (units === 1) return `1 ${word}`;
  return `${units} ${word.endsWith("y") ? `${word.slice(0, -1)}ies` : `${word}s`}`;
}

/** "Ngelehun CHC", or "Badjia: 1 chiefdom, 2 facilities" — a root and what it covers. */
export function describeSummary(summary: ScopeSummary): string {
  const onlyItself = summary.counts.length === 1 && summary.counts[0]!.units === 1;
  return onlyItself ? summary.root.name : `${summary.root.name}: ${summary.counts.map((c) => countWord(c.units, c.levelName)).join(", ")}`;
}
