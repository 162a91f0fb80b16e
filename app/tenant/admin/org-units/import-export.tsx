"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import Papa from "papaparse";
import { useState, type ChangeEvent } from "react";
import { orderParentsFirst, type ImportRow } from "@/server/services/org-unit-import";
import { useTRPC } from "@/server/trpc/react";

const BATCH = 500;
type Check = { problems: string[]; notes: string[]; toCreate: number; alreadyPresent: number; byDepth: number[] };

/** JSON ({ id, name, parentId }) or CSV (id,name,parent_id[,code]) into rows; throws a readable message. */
function parseFile(name: string, text: string): ImportRow[] {
  if (name.toLowerCase().endsWith(".json")) {
    const data = JSON.parse(text) as { id?: unknown; name?: unknown; parentId?: unknown }[];
    if (!Array.isArray(data)) throw new Error("The JSON file must hold an array of units.");
    return data.map((u) => ({ id: String(u.id ?? ""), name: String(u.name ?? ""), parentId: u.parentId ? String(u.parentId) : null }));
  }
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  if (parsed.errors.length) throw new Error(`The CSV file could not be read: ${parsed.errors[0]!.message} (row ${parsed.errors[0]!.row}).`);
  const fields = parsed.meta.fields ?? [];
  if (!fields.includes("id") || !fields.includes("name")) throw new Error("The CSV file needs the columns id,name,parent_id.");
  return parsed.data.map((r) => ({ id: r.id ?? "", name: r.name ?? "", parentId: r.parent_id || null }));
}

function download(filename: string, content: string, type: string) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = Object.assign(document.createElement("a"), { href: url, download: filename });
  link.click();
  URL.revokeObjectURL(url);
}

export function ImportExport() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const check = useMutation(trpc.orgUnit.checkImport.mutationOptions());
  const importBatch = useMutation(trpc.orgUnit.importBatch.mutationOptions());
  const [rows, setRows] = useState<ImportRow[] | null>(null);
  const [result, setResult] = useState<Check | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [finished, setFinished] = useState<string | null>(null);

  async function choose(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    setRows(null);
    setResult(null);
    setReadError(null);
    setFinished(null);
    if (!file) return;
    try {
      const parsed = parseFile(file.name, await file.text());
      setRows(parsed);
      setResult(await check.mutateAsync({ rows: parsed }));
    } catch (error) {
      setReadError(error instanceof Error ? error.message : "The file could not be read.");
    }
  }

  async function runImport() {
    if (!rows) return;
    const ordered = orderParentsFirst(rows);
    setProgress({ done: 0, total: ordered.length });
    let created = 0;
    try {
      for (let start = 0; start < ordered.length; start += BATCH) {
        created += (await importBatch.mutateAsync({ rows: ordered.slice(start, start + BATCH) })).created;
        setProgress({ done: Math.min(start + BATCH, ordered.length), total: ordered.length });
      }
      setFinished(`Imported ${created} unit(s).`);
      setResult(null);
      setRows(null);
      await queryClient.invalidateQueries({ queryKey: trpc.orgUnit.pathKey() });
    } catch {
      setFinished("The import stopped. Import the same file again to finish it: units already created are skipped.");
    } finally {
      setProgress(null);
    }
  }

  async function exportAs(format: "json" | "csv") {
    const units = await queryClient.fetchQuery(trpc.orgUnit.export.queryOptions());
    if (format === "json") download("org-units.json", JSON.stringify(units.map(({ id, name, parentId }) => ({ id, name, parentId })), null, 1), "application/json");
    else download("org-units.csv", Papa.unparse(units.map((u) => ({ id: u.id, name: u.name, parent_id: u.parentId ?? "" }))), "text/csv");
  }

  return (
    <section aria-labelledby="import-heading" className="mt-8 text-sm">
      <h2 id="import-heading" className="text-lg font-semibold">Import and export</h2>
      <p className="mt-1 text-slate-600">
        JSON as <code>[&#123; &quot;id&quot;, &quot;name&quot;, &quot;parentId&quot; &#125;]</code> or CSV with columns <code>id,name,parent_id</code>. The file is checked first and nothing is written until you confirm.
      </p>
      <div className="mt-2 flex flex-wrap items-center gap-3">
        <label className="rounded-md border border-slate-300 bg-white px-3 py-1.5">
          Choose a file to check
          <input type="file" accept=".json,.csv" onChange={choose} className="sr-only" aria-label="Organisation-unit file" />
        </label>
        <button type="button" onClick={() => exportAs("json")} className="underline">Export JSON</button>
        <button type="button" onClick={() => exportAs("csv")} className="underline">Export CSV</button>
      </div>
      {check.isPending && <p className="mt-2 text-slate-500">Checking…</p>}
      {(readError ?? check.error?.message) && <p role="alert" className="mt-2 text-red-800">{readError ?? check.error?.message}</p>}
      {result && (
        <div className="mt-3 space-y-2 rounded-lg border border-slate-200 bg-white p-3" data-testid="import-check">
          {result.problems.length > 0 ? (
            <>
              <p className="font-medium text-red-800">{result.problems.length} problem(s); nothing will be imported until they are fixed:</p>
              <ul className="max-h-60 list-disc overflow-auto pl-5 text-red-800">{result.problems.map((p) => <li key={p}>{p}</li>)}</ul>
            </>
          ) : (
            <p className="font-medium">
              Ready: {result.toCreate} new unit(s) ({result.byDepth.map((n, i) => `${n} at depth ${i + 1}`).join(", ") || "none"}).
            </p>
          )}
          {result.notes.length > 0 && <ul className="list-disc pl-5 text-slate-600">{result.notes.slice(0, 20).map((n) => <li key={n}>{n}</li>)}</ul>}
          {result.problems.length === 0 && result.toCreate > 0 && !progress && (
            <button type="button" onClick={runImport} className="rounded-md bg-canopy-600 px-3 py-1 font-medium text-white">
              Import {result.toCreate} unit(s)
            </button>
          )}
        </div>
      )}
      {progress && (
        <div className="mt-3">
          <progress value={progress.done} max={progress.total} className="w-full max-w-md" aria-label="Import progress" />
          <p>{progress.done} of {progress.total}</p>
        </div>
      )}
      {finished && <p role="status" className="mt-2 text-canopy-900">{finished}</p>}
    </section>
  );
}
