import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { abilityFromPacked } from "@/server/access/ability";
import { SignedInPage } from "../../signed-in-page";
import type { RecordPermissions } from "../record-types";
import { RecordView } from "./record-view";

export const metadata: Metadata = { title: "Person" };

export default async function PersonPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  // A malformed id is a miss like any other; the server would refuse it anyway.
  if (!z.uuid().safeParse(id).success) notFound();
  return (
    <SignedInPage>
      {(me) => {
        const ability = abilityFromPacked(me.rules);
        if (!ability.can("read", "trackedEntity")) notFound();
        const can: RecordPermissions = {
          updatePerson: ability.can("update", "trackedEntity"),
          createEnrollment: ability.can("create", "enrollment"),
          updateEnrollment: ability.can("update", "enrollment"),
          deleteEnrollment: ability.can("delete", "enrollment"),
          createEvent: ability.can("create", "event"),
          updateEvent: ability.can("update", "event"),
          deleteEvent: ability.can("delete", "event"),
          transfer: ability.can("transferOwnership", "enrollment"),
          breakGlass: ability.can("breakGlass", "trackedEntity"),
          exportData: ability.can("exportData", "trackedEntity"),
          erase: ability.can("erase", "trackedEntity"),
        };
        // Keyed by person: moving to another record starts afresh (no countdowns or notices carried over).
        return <RecordView key={id} personId={id} can={can} />;
      }}
    </SignedInPage>
  );
}
