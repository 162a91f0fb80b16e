import { accessLevel, type AccessLevel } from "./access-levels";

/** The level's name in its colour, optionally with what it means underneath. */
export function AccessLevelBadge({ level, withExplanation = false }: { level: AccessLevel; withExplanation?: boolean }) {
  const { label, explanation, badge } = accessLevel(level);
  return (
    <>
      <span className={`inline-block rounded px-1.5 py-0.5 text-xs font-medium ${badge}`}>{label}</span>
      {withExplanation && <p className="mt-1 max-w-xs text-xs text-slate-500">{explanation}</p>}
    </>
  );
}
