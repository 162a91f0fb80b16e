"use client";

import { useQuery } from "@tanstack/react-query";
import { sealLabel } from "@/server/audit/seal-label";
import { useTRPC } from "@/server/trpc/react";

const when = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
const cell = "px-3 py-1.5";
const head = "px-3 py-2 font-medium";

/**
 * What retention has done: each run (who or the daily job, and what it removed) and each audit
 * purge record, which stays after the trail it trimmed is gone.
 */
export function RetentionHistory() {
  const trpc = useTRPC();
  const current = useQuery(trpc.retention.get.queryOptions());
  if (!current.data) return null;
  const { runs, purges } = current.data;

  return (
    <div className="mt-8 space-y-8">
      <section aria-labelledby="retention-runs-heading">
        <h2 id="retention-runs-heading" className="text-lg font-semibold">Runs</h2>
        {runs.length === 0 ? (
          <p className="mt-2 text-slate-500">Retention has not run yet.</p>
        ) : (
          <table className="mt-2 w-full rounded-lg border border-slate-200 bg-white text-left text-sm" data-testid="retention-runs">
            <thead className="bg-slate-50 text-slate-600">
              <tr>
                <th scope="col" className={head}>When</th>
                <th scope="col" className={head}>By</th>
                <th scope="col" className={head}>Events deleted</th>
                <th scope="col" className={head}>Audit events purged</th>
              </tr>
            </thead>
            <tbody>
              {runs.map((run) => (
                <tr key={run.id} className="border-t border-slate-100">
                  <td className={`${cell} whitespace-nowrap`}>{when.format(new Date(run.at))}</td>
                  <td className={cell}>{run.actorName ?? "—"}</td>
                  <td className={cell}>{run.events.toLocaleString()}</td>
                  <td className={cell}>{run.auditEvents.toLocaleString()}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="retention-purges-heading">
        <h2 id="retention-purges-heading" className="text-lg font-semibold">Audit purges</h2>
        <p className="mt-1 max-w-prose text-slate-600">Verifying the audit trail starts after the latest purge, from the event it names.</p>
        {purges.length === 0 ? (
          <p className="mt-2 text-slate-500">The audit trail has never been purged.</p>
        ) : (
          <table className="mt-2 w-full rounded-lg border border-slate-200 bg-white text-left text-sm" data-testid="retention-purges">
            <thead className="bg-slate-50 text-slate-600">
              <tr>
                <th scope="col" className={head}>When</th>
                <th scope="col" className={head}>Recorded before</th>
                <th scope="col" className={head}>Events purged</th>
                <th scope="col" className={head}>Through event</th>
              </tr>
            </thead>
            <tbody>
              {purges.map((purge) => (
                <tr key={purge.id} className="border-t border-slate-100">
                  <td className={`${cell} whitespace-nowrap`}>{when.format(new Date(purge.purgedAt))}</td>
                  <td className={`${cell} whitespace-nowrap`}>{when.format(new Date(purge.olderThan))}</td>
                  <td className={cell}>{purge.events.toLocaleString()}</td>
                  <td className={cell}>{sealLabel({ lane: purge.lane, seq: purge.throughSeq })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
