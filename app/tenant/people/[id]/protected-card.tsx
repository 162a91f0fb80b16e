import { BreakGlassPrompt } from "../break-glass-dialog";

type Target = { personId: string; programId: string; programName: string };

/** A protected program of this person that the caller cannot read, but could break the glass on. */
export function ProtectedCard({ target, canBreakGlass, onGranted }: { target: Target; canBreakGlass: boolean; onGranted: () => void }) {
  return (
    <section aria-label={`${target.programName}: protected`} className="rounded-lg border border-amber-300 bg-amber-50 p-4">
      <h2 className="text-lg font-semibold">This record is protected</h2>
      <p className="mt-1 text-sm text-slate-700">
        {target.programName} is owned outside your capture scope.{" "}
        {canBreakGlass ? "In an emergency you can break the glass to read it for a limited time." : "Only staff of the owning unit can read it."}
      </p>
      {canBreakGlass && (
        <div className="mt-3">
          <BreakGlassPrompt target={target} onGranted={onGranted} />
        </div>
      )}
    </section>
  );
}
