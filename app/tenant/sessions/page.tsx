import type { Metadata } from "next";
import { SignedInPage } from "../signed-in-page";
import { SessionList } from "./session-list";

export const metadata: Metadata = { title: "Sessions" };

export default function SessionsPage() {
  return (
    <SignedInPage>
      {() => (
        <>
          <h1 className="text-2xl font-semibold">Your sessions</h1>
          <p className="mt-1 text-slate-600">
            Everywhere you are signed in. End any session you do not recognise; it stops working at once.
          </p>
          <SessionList />
        </>
      )}
    </SignedInPage>
  );
}
