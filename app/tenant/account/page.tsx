import type { Metadata } from "next";
import { SYSTEM_ROLES } from "@/server/access/system-roles";
import { SignedInPage } from "../signed-in-page";
import { ProfileForms } from "./profile-forms";

export const metadata: Metadata = { title: "Profile" };

export default function ProfilePage() {
  return (
    <SignedInPage>
      {() => (
        <>
          <h1 className="text-2xl font-semibold">Profile</h1>
          <ProfileForms roleNames={Object.fromEntries(SYSTEM_ROLES.map((r) => [r.key, r.name]))} />
        </>
      )}
    </SignedInPage>
  );
}
