"use client";

import { useMutation } from "@tanstack/react-query";
import { useEffect, useState, type FormEvent } from "react";
import { useTRPC } from "@/server/trpc/react";

/** Checks the new password against the tenant's policy as it is typed, and again on submit. */
export function PasswordForm({ required }: { required: boolean }) {
  const trpc = useTRPC();
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [confirm, setConfirm] = useState("");
  const [problems, setProblems] = useState<string[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const check = useMutation(trpc.account.checkPassword.mutationOptions());
  const change = useMutation(trpc.account.changePassword.mutationOptions());
  const { mutate: checkNow } = check;

  useEffect(() => {
    if (!next) {
      setProblems([]);
      return;
    }
    const timer = setTimeout(() => checkNow({ password: next }, { onSuccess: (result) => setProblems(result.problems) }), 350);
    return () => clearTimeout(timer);
  }, [next, checkNow]);

  const mismatch = confirm.length > 0 && confirm !== next;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (next !== confirm) return;
    const result = await change.mutateAsync({ currentPassword: required ? undefined : current, newPassword: next });
    if (!result.ok) {
      setProblems(result.problems);
      return;
    }
    if (required) {
      window.location.assign("/");
      return;
    }
    setCurrent("");
    setNext("");
    setConfirm("");
    setDone(
      result.endedSessions
        ? `Password changed. ${result.endedSessions} other ${result.endedSessions === 1 ? "session was" : "sessions were"} signed out.`
        : "Password changed.",
    );
  }

  return (
    <form method="post" onSubmit={submit} className="mt-6 max-w-md space-y-4">
      {!required && (
        <Field id="current-password" label="Current password" value={current} onChange={setCurrent} autoComplete="current-password" />
      )}
      <Field id="new-password" label="New password" value={next} onChange={(v) => { setNext(v); setDone(null); }} autoComplete="new-password" describedBy="password-problems" />
      {problems.length > 0 && (
        <ul id="password-problems" data-testid="password-problems" aria-live="polite" className="list-disc space-y-1 pl-5 text-sm text-red-800">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
      <Field id="confirm-password" label="New password again" value={confirm} onChange={setConfirm} autoComplete="new-password" />
      {mismatch && <p className="text-sm text-red-800">The two new passwords are not the same.</p>}
      {done && (
        <p role="status" className="rounded-md bg-canopy-50 px-3 py-2 text-sm text-canopy-900">
          {done}
        </p>
      )}
      <button
        type="submit"
        disabled={change.isPending || !next || next !== confirm || problems.length > 0}
        className="rounded-md bg-canopy-600 px-4 py-2 font-medium text-white hover:bg-canopy-700 disabled:opacity-60"
      >
        {change.isPending ? "Saving…" : required ? "Save and continue" : "Change password"}
      </button>
    </form>
  );
}

function Field(props: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  autoComplete: string;
  describedBy?: string;
}) {
  return (
    <div>
      <label htmlFor={props.id} className="block text-sm font-medium">
        {props.label}
      </label>
      <input
        id={props.id}
        type="password"
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        autoComplete={props.autoComplete}
        aria-describedby={props.describedBy}
        required
        className="mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2"
      />
    </div>
  );
}
