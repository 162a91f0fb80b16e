import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { abilityFromPacked } from "@/server/access/ability";
import { currentSession } from "@/server/auth/current-session";
import { STAGE_PATHS, type SessionStage } from "@/server/auth/stages";
import { serverTrpc } from "@/server/trpc/server";
import { navLinksFor } from "./nav-links";
import { SignOutButton } from "./sign-out-button";
import { TenantHeader } from "./tenant-header";

export type Viewer = Awaited<ReturnType<Awaited<ReturnType<typeof serverTrpc>>["viewer"]["me"]>>;

/** The frame of every signed-in page: anonymous visitors go to sign-in, unfinished sign-ins to their next step. */
export async function SignedInPage({ children }: { children: (viewer: Viewer) => ReactNode }) {
  const session = await currentSession();
  if (!session) redirect("/sign-in");
  if (session.stage !== "active") redirect(STAGE_PATHS[session.stage]);
  const viewer = await (await serverTrpc()).viewer.me();
  const adminLinks = navLinksFor(abilityFromPacked(viewer.rules));
  return (
    <div className="min-h-screen">
      <TenantHeader tenantName={viewer.tenant.name} userName={viewer.name} adminLinks={adminLinks} />
      <main className="mx-auto max-w-5xl px-6 py-8">{children(viewer)}</main>
    </div>
  );
}

/**
 * The frame of a sign-in step (second factor, new password, enrolment). A fully signed-in user
 * sees it with the usual header; a user still signing in sees only the step and a way out.
 */
export async function SignInStepPage({ allowed, children }: { allowed: readonly SessionStage[]; children: ReactNode }) {
  const session = await currentSession();
  if (!session) redirect("/sign-in");
  if (!allowed.includes(session.stage)) redirect(STAGE_PATHS[session.stage]);
  if (session.stage === "active") return <SignedInPage>{() => children}</SignedInPage>;
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-6 py-10">
      <div className="mb-6 flex items-center justify-between">
        <p className="text-xs font-semibold uppercase tracking-wide text-canopy-700">Canopy</p>
        <SignOutButton />
      </div>
      <p className="mb-4 text-sm text-slate-600">
        Signing in as <span className="font-medium text-slate-900">{session.email}</span>
      </p>
      {children}
    </main>
  );
}
