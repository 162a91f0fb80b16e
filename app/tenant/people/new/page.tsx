import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { abilityFromPacked } from "@/server/access/ability";
import { SignedInPage } from "../../signed-in-page";
import { RegisterForm } from "./register-form";

export const metadata: Metadata = { title: "Register a person" };

export default function RegisterPersonPage() {
  return (
    <SignedInPage>
      {(me) => {
        const ability = abilityFromPacked(me.rules);
        if (!ability.can("create", "trackedEntity")) notFound();
        return (
          <>
            <h1 className="text-2xl font-semibold">Register a person</h1>
            <p className="mt-1 text-slate-600">
              Search first: a person should be registered only once. You can register people only at units in your capture scope.
            </p>
            <RegisterForm canEnrol={ability.can("create", "enrollment")} />
          </>
        );
      }}
    </SignedInPage>
  );
}
