import type { Metadata } from "next";
import { currentSession } from "@/server/auth/current-session";
import { SignInStepPage } from "../../signed-in-page";
import { PasswordForm } from "./password-form";

export const metadata: Metadata = { title: "Password" };

export default async function PasswordPage() {
  const required = (await currentSession())?.stage === "password_change_required";
  return (
    <SignInStepPage allowed={["password_change_required", "active"]}>
      <h1 className="text-2xl font-semibold">{required ? "Choose a new password" : "Change your password"}</h1>
      <p className="mt-1 max-w-prose text-slate-600">
        {required
          ? "Your password was set by an administrator. Choose your own before you continue."
          : "Changing it signs you out everywhere else."}{" "}
        Use at least 8 characters; a few unrelated words make a strong, memorable password.
      </p>
      <PasswordForm required={required} />
    </SignInStepPage>
  );
}
