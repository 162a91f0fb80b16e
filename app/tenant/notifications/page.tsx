import type { Metadata } from "next";
import { SignedInPage } from "../signed-in-page";
import { NotificationList } from "./notification-list";

export const metadata: Metadata = { title: "Notifications" };

export default function NotificationsPage() {
  return (
    <SignedInPage>
      {() => (
        <>
          <h1 className="text-2xl font-semibold">Notifications</h1>
          <NotificationList />
        </>
      )}
    </SignedInPage>
  );
}
