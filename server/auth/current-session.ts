import { getServerSession } from "next-auth";
import { cache } from "react";
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
  // Loaded on first use, so code that runs handlers outside a request (the benchmarks under tsx)
  // never loads the next-auth providers.
  const { authOptions } = await import("./options");
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
