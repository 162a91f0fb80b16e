import type { Metadata } from "next";
import { SignInStepPage } from "../../signed-in-page";
import { SecondFactorForm } from "./second-factor-form";

export const metadata: Metadata = { title: "Two-factor code" };

export default function SecondFactorPage() {
  return (
    <SignInStepPage allowed={["mfa_required"]}>
      <h1 className="text-2xl font-semibold">Enter your code</h1>
      <p className="mt-1 text-slate-600">Open your authenticator app and enter the 6-digit code for Canopy.</p>
      <SecondFactorForm />
    </SignInStepPage>
  );
}
