import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { currentTenant } from "@/server/tenancy/current";
import { TrpcReactProvider } from "@/server/trpc/react";

/** Every tenant page: an unknown, suspended or malformed host gets the same 404 as any miss. */
export default async function TenantLayout({ children }: { children: ReactNode }) {
  const tenant = await currentTenant();
  if (!tenant) notFound();
  return <TrpcReactProvider>{children}</TrpcReactProvider>;
}
