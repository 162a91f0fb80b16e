import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { abilityFromPacked } from "@/server/access/ability";
import { SignedInPage } from "../../signed-in-page";
import { OrgUnitsAdmin } from "./org-units-admin";

export const metadata: Metadata = { title: "Organisation units" };

export default function OrgUnitsPage() {
  return (
    <SignedInPage>
      {(me) => {
        const ability = abilityFromPacked(me.rules);
        if (!ability.can("update", "orgUnit")) notFound();
        return (
          <>
            <h1 className="text-2xl font-semibold">Organisation units</h1>
            <OrgUnitsAdmin can={{ create: ability.can("create", "orgUnit"), delete: ability.can("delete", "orgUnit") }} />
          </>
        );
      }}
    </SignedInPage>
  );
}
