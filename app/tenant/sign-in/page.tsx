import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentSession } from "@/server/auth/current-session";
import { STAGE_PATHS } from "@/server/auth/stages";
import { currentTenant } from "@/server/tenancy/current";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage() {
  const session = await currentSession();
  if (session) redirect(STAGE_PATHS[session.stage]);
  const tenant = (await currentTenant())!;
  return (
    <main className="mx-auto flex min-h-screen max-w-sm flex-col justify-center px-6">
      <p className="text-xs font-semibold uppercase tracking-wide text-canopy-700">Canopy</p>
      <h1 className="mt-1 text-2xl font-semibold">Sign in</h1>
      <p className="mt-1 text-slate-600">{tenant.name}</p>
      <SignInForm />
      <p className="mt-6 text-sm text-slate-500">Accounts are created by your administrator.</p>
    </main>
  );
}
