import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { currentSession } from "@/server/auth/current-session";
import { serverTrpc } from "@/server/trpc/server";
import { TenantHeader } from "./tenant-header";

type Viewer = Awaited<ReturnType<Awaited<ReturnType<typeof serverTrpc>>["viewer"]["me"]>>;

/** The frame of every signed-in page: anonymous visitors go to sign-in, everyone else gets the header. */
export async function SignedInPage({ children }: { children: (viewer: Viewer) => ReactNode }) {
  if (!(await currentSession())) redirect("/sign-in");
  const viewer = await (await serverTrpc()).viewer.me();
  return (
    <div className="min-h-screen">
      <TenantHeader tenantName={viewer.tenant.name} userName={viewer.name} />
      <main className="mx-auto max-w-5xl px-6 py-8">{children(viewer)}</main>
    </div>
  );
}
