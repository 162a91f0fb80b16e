import { getServerSession } from "next-auth";
import { cache } from "react";
import { authOptions } from "./options";

import type { SessionStage } from "./stages";

export type CurrentSession = {
  userId: string;
  sessionId: string;
  tenantId: string;
  stage: SessionStage;
  name: string;
  email: string;
};

/** The signed-in user of this request (checked against the session table), or null. */
export const currentSession = cache(async (): Promise<CurrentSession | null> => {
  const session = await getServerSession(authOptions);
  if (!session) return null;
  return {
    userId: session.user.id,
    sessionId: session.sessionId,
    tenantId: session.tenantId,
    stage: session.stage,
    name: session.user.name ?? "",
    email: session.user.email ?? "",
  };
});
