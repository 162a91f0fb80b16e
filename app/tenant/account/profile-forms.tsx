"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/server/trpc/react";

const field = "mt-1 w-full max-w-sm rounded-md border border-slate-300 bg-white px-3 py-1.5";

export function ProfileForms({ roleNames }: { roleNames: Record<string, string> }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const profile = useQuery(trpc.account.profile.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.account.profile.queryKey() });
  const updateProfile = useMutation(trpc.account.updateProfile.mutationOptions({ onSuccess: refresh }));
  const changeEmail = useMutation(trpc.account.changeEmail.mutationOptions({ onSuccess: refresh }));
  const [message, setMessage] = useState<string | null>(null);

  if (profile.isPending) return <p className="mt-6 text-slate-500">Loading…</p>;
  if (profile.isError) return <p role="alert" className="mt-6 text-red-700">Could not load your profile.</p>;

  async function saveProfile(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setMessage(null);
    try {
      await updateProfile.mutateAsync({ displayName: String(form.get("displayName")), phone: String(form.get("phone")) });
      setMessage("Your details were saved.");
    } catch {
      // shown from updateProfile.error
    }
  }

  async function saveEmail(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    setMessage(null);
    try {
      const result = await changeEmail.mutateAsync({ email: String(form.get("email")), password: String(form.get("password")) });
      formElement.reset();
      setMessage(`You now sign in as ${result.email}.`);
    } catch {
      // shown from changeEmail.error
    }
  }

  return (
    <div className="mt-6 space-y-8 text-sm">
      {message && (
        <p role="status" className="rounded-md bg-canopy-50 px-3 py-2 text-canopy-900">
          {message}
        </p>
      )}
      <section aria-labelledby="details-heading">
        <h2 id="details-heading" className="text-lg font-semibold">Your details</h2>
        <form onSubmit={saveProfile} noValidate className="mt-2 space-y-3">
          <label className="block">
            <span className="font-medium">Name</span>
            <input name="displayName" defaultValue={profile.data.displayName} className={field} />
          </label>
          <label className="block">
            <span className="font-medium">Phone</span> <span className="text-slate-500">(optional)</span>
            <input name="phone" type="tel" defaultValue={profile.data.phone} className={field} />
          </label>
          {updateProfile.error && <p role="alert" className="text-red-800">{updateProfile.error.message}</p>}
          <button type="submit" disabled={updateProfile.isPending} className="rounded-md bg-canopy-600 px-4 py-1.5 font-medium text-white hover:bg-canopy-700 disabled:opacity-60">
            Save details
          </button>
        </form>
      </section>

      <section aria-labelledby="email-heading">
        <h2 id="email-heading" className="text-lg font-semibold">Sign-in email</h2>
        <p className="mt-1 text-slate-600">
          Currently <span className="font-medium text-slate-900" data-testid="current-email">{profile.data.email}</span>.
        </p>
        <form method="post" onSubmit={saveEmail} noValidate className="mt-2 space-y-3">
          <label className="block">
            <span className="font-medium">New email</span>
            <input name="email" type="email" className={field} />
          </label>
          <label className="block">
            <span className="font-medium">Your password</span>
            <input name="password" type="password" autoComplete="current-password" className={field} />
          </label>
          {changeEmail.error && <p role="alert" className="text-red-800">{changeEmail.error.message}</p>}
          <button type="submit" disabled={changeEmail.isPending} className="rounded-md bg-canopy-600 px-4 py-1.5 font-medium text-white hover:bg-canopy-700 disabled:opacity-60">
            Change email
          </button>
        </form>
      </section>

      <section aria-labelledby="roles-heading">
        <h2 id="roles-heading" className="text-lg font-semibold">Your roles</h2>
        <p className="mt-1">{profile.data.roleKeys.map((key) => roleNames[key] ?? key).join(", ") || "No roles yet."}</p>
        <p className="mt-1 text-slate-500">Roles are given by your administrator.</p>
      </section>

      <section aria-labelledby="scopes-heading" data-testid="my-scopes">
        <h2 id="scopes-heading" className="text-lg font-semibold">Where you work</h2>
        <p className="mt-1">You capture data in {profile.data.scopes.capture.join("; ") || "no units"}.</p>
        <p>You can find records in {profile.data.scopes.search.join("; ") || "no units"}.</p>
        <p>
          You see aggregate figures for {profile.data.scopes.analytics.join("; ") || "no units"}
          {profile.data.analyticsFromCapture ? " (the same as where you capture)." : "."}
        </p>
      </section>
    </div>
  );
}
