import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { abilityFromPacked } from "@/server/access/ability";
import { SYSTEM_ROLES } from "@/server/access/system-roles";
import { SignedInPage } from "../../signed-in-page";
import { UsersAdmin } from "./users-admin";

export const metadata: Metadata = { title: "Users" };

export default function UsersPage() {
  return (
    <SignedInPage>
      {(me) => {
        const ability = abilityFromPacked(me.rules);
        // A page the caller may not use looks like any missing page.
        if (!ability.can("read", "user")) notFound();
        return (
          <>
            <h1 className="text-2xl font-semibold">Users</h1>
            <p className="mt-1 text-slate-600">Accounts are created here only; people cannot register themselves.</p>
            <UsersAdmin
              selfEmail={me.email}
              roles={SYSTEM_ROLES.map((r) => ({ key: r.key, name: r.name }))}
              can={{
                create: ability.can("create", "user"),
                update: ability.can("update", "user"),
                resetTwoFactor: ability.can("resetTwoFactor", "user"),
              }}
            />
          </>
        );
      }}
    </SignedInPage>
  );
}
