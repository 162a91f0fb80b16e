import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentSession } from "@/server/auth/current-session";
import { serverTrpc } from "@/server/trpc/server";
import { TenantHeader } from "../tenant-header";
import { SessionList } from "./session-list";

export const metadata: Metadata = { title: "Sessions" };

export default async function SessionsPage() {
  if (!(await currentSession())) redirect("/sign-in");
  const me = await (await serverTrpc()).viewer.me();
  return (
    <div className="min-h-screen">
      <TenantHeader tenantName={me.tenant.name} userName={me.name} />
      <main className="mx-auto max-w-5xl px-6 py-8">
        <h1 className="text-2xl font-semibold">Your sessions</h1>
        <p className="mt-1 text-slate-600">
          Everywhere you are signed in. End any session you do not recognise; it stops working at once.
        </p>
        <SessionList />
      </main>
    </div>
  );
}
