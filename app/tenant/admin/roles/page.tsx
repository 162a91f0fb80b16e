import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { abilityFromPacked } from "@/server/access/ability";
import { CRUD_ACTIONS, PERMISSIONS, PURPOSE_ACTIONS, SUBJECTS } from "@/server/access/permissions";
import { SignedInPage } from "../../signed-in-page";
import { RolesAdmin } from "./roles-admin";

export const metadata: Metadata = { title: "Roles" };

export default function RolesPage() {
  return (
    <SignedInPage>
      {(me) => {
        const ability = abilityFromPacked(me.rules);
        if (!ability.can("read", "role")) notFound();
        const held = PERMISSIONS.filter((p) => ability.can(p.action, p.subject)).map((p) => `${p.action}:${p.subject}`);
        return (
          <>
            <h1 className="text-2xl font-semibold">Roles</h1>
            <p className="mt-1 max-w-prose text-slate-600">
              A role is a set of permissions; a user holds the union of their roles&apos; permissions. System roles cannot be
              changed. You can only give a role permissions you hold yourself.
            </p>
            <RolesAdmin
              subjects={[...SUBJECTS]}
              crudActions={[...CRUD_ACTIONS]}
              purposes={PERMISSIONS.filter((p) => (PURPOSE_ACTIONS as readonly string[]).includes(p.action)).map((p) => ({ key: `${p.action}:${p.subject}`, description: p.description }))}
              held={held}
              can={{ create: ability.can("create", "role"), update: ability.can("update", "role"), delete: ability.can("delete", "role") }}
            />
          </>
        );
      }}
    </SignedInPage>
  );
}
