"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/server/trpc/react";
import { OrgUnitPicker, type PickedUnit } from "../users/org-unit-picker";
import { UnitGroups } from "./unit-groups";

const field = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1";
const text = (form: FormData, name: string) => String(form.get(name) ?? "").trim();
const dateOrNull = (form: FormData, name: string) => text(form, name) || null;

export function UnitPanel(props: { id: string; can: { create: boolean; delete: boolean }; onSelect: (id: string | null) => void; onTreeChanged: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const unit = useQuery(trpc.orgUnit.get.queryOptions({ id: props.id }));
  const changed = () => {
    void queryClient.invalidateQueries({ queryKey: trpc.orgUnit.pathKey() });
    props.onTreeChanged();
  };
  const update = useMutation(trpc.orgUnit.update.mutationOptions({ onSuccess: changed }));
  const create = useMutation(trpc.orgUnit.create.mutationOptions({ onSuccess: changed }));
  const move = useMutation(trpc.orgUnit.move.mutationOptions({ onSuccess: changed }));
  const remove = useMutation(trpc.orgUnit.delete.mutationOptions({ onSuccess: () => { changed(); props.onSelect(null); } }));
  const [message, setMessage] = useState<string | null>(null);
  const [newParent, setNewParent] = useState<PickedUnit[]>([]);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const error = update.error ?? create.error ?? move.error ?? remove.error;

  if (unit.isPending) return <p className="text-slate-500">Loading…</p>;
  if (unit.isError) return <p role="alert" className="text-red-700">{unit.error.message}</p>;
  const u = unit.data;

  const attempt = async (work: () => Promise<unknown>, done: string) => {
    setMessage(null);
    try {
      await work();
      setMessage(done);
    } catch {
      // the error is shown from the mutation
    }
  };

  return (
    <section className="space-y-5 rounded-lg border border-slate-200 bg-white p-4 text-sm" aria-label={`Unit ${u.name}`} data-testid="unit-panel">
      <nav aria-label="Breadcrumbs" className="text-slate-600">
        {u.breadcrumbs.map((b) => (
          <span key={b.id}>
            <button type="button" onClick={() => props.onSelect(b.id)} className="underline">{b.name}</button> ›{" "}
          </span>
        ))}
        <span className="font-medium text-slate-900">{u.name}</span>
      </nav>
      <p>
        {u.levelName} · code {u.code ?? "—"} · {u.children} child unit(s) · {u.descendants} unit(s) below
        {u.closedDate && <span className="text-red-700"> · closed {u.closedDate}</span>}
      </p>
      {message && <p role="status" className="text-canopy-900">{message}</p>}
      {error && <p role="alert" className="text-red-800">{error.message}</p>}

      <form
        key={`${u.id}-${u.name}-${u.code}`}
        noValidate
        onSubmit={(e: FormEvent<HTMLFormElement>) => {
          e.preventDefault();
          const f = new FormData(e.currentTarget);
          void attempt(() => update.mutateAsync({ id: u.id, name: text(f, "name"), code: text(f, "code") || null, openingDate: dateOrNull(f, "openingDate"), closedDate: dateOrNull(f, "closedDate") }), "Saved.");
        }}
        className="grid grid-cols-2 gap-3"
        aria-label="Edit unit"
      >
        <label>Name<input name="name" defaultValue={u.name} className={field} /></label>
        <label>Code<input name="code" defaultValue={u.code ?? ""} className={field} /></label>
        <label>Opened<input name="openingDate" type="date" defaultValue={u.openingDate ?? ""} className={field} /></label>
        <label>Closed<input name="closedDate" type="date" defaultValue={u.closedDate ?? ""} className={field} /></label>
        <button type="submit" className="col-span-2 justify-self-start rounded-md bg-canopy-600 px-3 py-1 font-medium text-white">Save changes</button>
      </form>

      <UnitGroups unitId={u.id} groupIds={u.groupIds} />

      {props.can.create && (
        <form
          noValidate
          aria-label="Add a child unit"
          onSubmit={(e: FormEvent<HTMLFormElement>) => {
            e.preventDefault();
            const form = e.currentTarget;
            const f = new FormData(form);
            void attempt(async () => {
              await create.mutateAsync({ parentId: u.id, name: text(f, "childName"), code: text(f, "childCode") || null, openingDate: null, closedDate: null });
              form.reset();
            }, `Added under ${u.name}.`);
          }}
          className="flex flex-wrap items-end gap-2"
        >
          <label>New child unit<input name="childName" className={field} /></label>
          <label>Code<input name="childCode" className={field} /></label>
          <button type="submit" className="rounded-md border border-slate-300 px-3 py-1">Add</button>
        </form>
      )}

      <div className="space-y-2" aria-label="Move unit">
        <OrgUnitPicker label="Move under" value={newParent} onChange={(units) => setNewParent(units.slice(-1))} />
        <button
          type="button"
          disabled={newParent.length === 0 || move.isPending}
          onClick={() => void attempt(async () => {
            const result = await move.mutateAsync({ id: u.id, newParentId: newParent[0]!.id });
            setNewParent([]);
            return result;
          }, `Moved ${u.name} with everything below it.`)}
          className="rounded-md border border-slate-300 px-3 py-1 disabled:opacity-50"
        >
          Move {u.name} here
        </button>
      </div>

      {props.can.delete && (
        confirmDelete ? (
          <p>
            Delete {u.name}? This cannot be undone.{" "}
            <button type="button" onClick={() => void attempt(() => remove.mutateAsync({ id: u.id }), "Deleted.").finally(() => setConfirmDelete(false))} className="font-medium text-red-700 underline">Delete</button>{" "}
            <button type="button" onClick={() => setConfirmDelete(false)} className="underline">Cancel</button>
          </p>
        ) : (
          <button type="button" onClick={() => setConfirmDelete(true)} className="rounded-md border border-red-300 px-3 py-1 text-red-800">Delete unit</button>
        )
      )}
    </section>
  );
}
