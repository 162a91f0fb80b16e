"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/server/trpc/react";

type User = { id: string; displayName: string; status: "active" | "disabled"; twoFactor: boolean };
type Action = "disable" | "enable" | "resetPassword" | "resetTwoFactor";

const CONFIRM: Record<Action, string> = {
  disable: "Disable this account? The user is signed out everywhere at once.",
  enable: "Enable this account again?",
  resetPassword: "Give this user a new temporary password? They are signed out everywhere.",
  resetTwoFactor: "Remove this user's two-factor authentication? They are signed out and must set it up again.",
};

/** Row actions, each behind a confirmation that says what will happen. */
export function UserActions({
  user,
  self,
  can,
  onDone,
}: {
  user: User;
  self: boolean;
  can: { update: boolean; resetTwoFactor: boolean };
  onDone: (title: string, secret?: string) => void;
}) {
  const trpc = useTRPC();
  const [confirming, setConfirming] = useState<Action | null>(null);
  const [error, setError] = useState<string | null>(null);
  const setStatus = useMutation(trpc.user.setStatus.mutationOptions());
  const resetPassword = useMutation(trpc.user.resetPassword.mutationOptions());
  const resetTwoFactor = useMutation(trpc.user.resetTwoFactor.mutationOptions());
  const pending = setStatus.isPending || resetPassword.isPending || resetTwoFactor.isPending;

  async function run(action: Action) {
    setError(null);
    try {
      if (action === "disable" || action === "enable") {
        await setStatus.mutateAsync({ userId: user.id, status: action === "disable" ? "disabled" : "active" });
        onDone(`${user.displayName} is ${action === "disable" ? "disabled" : "active again"}.`);
      } else if (action === "resetPassword") {
        const result = await resetPassword.mutateAsync({ userId: user.id });
        onDone(`${user.displayName} has a new temporary password.`, result.temporaryPassword);
      } else {
        await resetTwoFactor.mutateAsync({ userId: user.id });
        onDone(`${user.displayName}'s two-factor authentication was removed.`);
      }
      setConfirming(null);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : "That did not work.");
    }
  }

  if (confirming) {
    return (
      <div className="space-y-1 text-left">
        <p className="text-sm">{CONFIRM[confirming]}</p>
        <div className="flex gap-2">
          <button type="button" autoFocus disabled={pending} onClick={() => run(confirming)} className="rounded-md bg-red-700 px-2.5 py-1 text-sm font-medium text-white disabled:opacity-60">
            Confirm
          </button>
          <button type="button" onClick={() => setConfirming(null)} className="text-sm underline">
            Cancel
          </button>
        </div>
        {error && <p role="alert" className="text-sm text-red-800">{error}</p>}
      </div>
    );
  }

  const actions: [Action, string][] = [
    // One's own account is changed from the profile pages, not disabled or reset from here.
    ...(can.update && !self ? [[user.status === "active" ? "disable" : "enable", user.status === "active" ? "Disable" : "Enable"] as [Action, string]] : []),
    ...(can.update && !self ? [["resetPassword", "Reset password"] as [Action, string]] : []),
    ...(can.resetTwoFactor && user.twoFactor ? [["resetTwoFactor", "Reset two-factor"] as [Action, string]] : []),
  ];
  return (
    <div className="flex flex-wrap justify-end gap-1.5">
      {actions.map(([action, label]) => (
        <button key={action} type="button" onClick={() => setConfirming(action)} className="rounded-md border border-slate-300 px-2 py-1 text-xs hover:bg-slate-50">
          {label}
        </button>
      ))}
    </div>
  );
}
