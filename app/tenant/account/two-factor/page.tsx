import type { Metadata } from "next";
import { SignInStepPage } from "../../signed-in-page";
import { TwoFactorSetup } from "./two-factor-setup";

export const metadata: Metadata = { title: "Two-factor authentication" };

export default function TwoFactorPage() {
  return (
    <SignInStepPage allowed={["mfa_enrolment_required", "active"]}>
      <h1 className="text-2xl font-semibold">Two-factor authentication</h1>
      <p className="mt-1 max-w-prose text-slate-600">
        A code from an app on your phone (such as Google Authenticator, Microsoft Authenticator or FreeOTP) is asked for
        after your password, so a stolen password alone cannot open your account.
      </p>
      <TwoFactorSetup />
    </SignInStepPage>
  );
}
