import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { abilityFromPacked } from "@/server/access/ability";
import { SignedInPage } from "../signed-in-page";
import { ReviewList } from "./review-list";

export const metadata: Metadata = { title: "Break-the-glass review" };

export default function BreakGlassReviewPage() {
  return (
    <SignedInPage>
      {(me) => {
        if (!abilityFromPacked(me.rules).can("reviewBreakGlass", "trackedEntity")) notFound();
        return (
          <>
            <h1 className="text-2xl font-semibold">Break-the-glass review</h1>
            <p className="mt-1 text-slate-600">
              Emergency access to protected records owned in your capture scope. Check each reason and what was read, then mark it reviewed.
            </p>
            <ReviewList />
          </>
        );
      }}
    </SignedInPage>
  );
}
