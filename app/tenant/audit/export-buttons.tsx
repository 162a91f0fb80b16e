"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/server/trpc/react";
import type { AuditFilters } from "./api-types";
import { errorText } from "./error-text";

const TYPES = { csv: "text/csv;charset=utf-8", json: "application/json" } as const;

function download(filename: string, content: string, type: string) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = Object.assign(document.createElement("a"), { href: url, download: filename });
  link.click();
  URL.revokeObjectURL(url);
}

/** Downloads the events matching the filters. Each export is recorded in the trail. */
export function ExportButtons({ filters }: { filters: AuditFilters }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<string | null>(null);
  const exportTrail = useMutation(
    trpc.audit.export.mutationOptions({
      onSuccess: (file, { format }) => {
        download(file.filename, file.content, TYPES[format]);
        setNotice(
          file.truncated
            ? `Exported the newest ${file.rowCount.toLocaleString()} events: more match these filters than one export holds. Narrow them (for example by time) to export the rest.`
            : `Exported ${file.rowCount.toLocaleString()} ${file.rowCount === 1 ? "event" : "events"}.`,
        );
        // The export is itself an event.
        void queryClient.invalidateQueries({ queryKey: trpc.audit.pathKey() });
      },
      onError: () => setNotice(null),
    }),
  );
  const run = (format: "csv" | "json") => {
    setNotice(null);
    exportTrail.mutate({ filters, format });
  };

  return (
    <div className="flex flex-wrap items-center gap-2">
      <button type="button" onClick={() => run("csv")} disabled={exportTrail.isPending} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-50">
        Export CSV
      </button>
      <button type="button" onClick={() => run("json")} disabled={exportTrail.isPending} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-50">
        Export JSON
      </button>
      <p role="status" className="text-sm text-slate-600">
        {exportTrail.isPending ? "Preparing the export…" : notice}
      </p>
      {exportTrail.error && (
        <p role="alert" className="text-sm text-red-700">
          {errorText(exportTrail.error)}
        </p>
      )}
    </div>
  );
}
