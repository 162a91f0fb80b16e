import type { DefaultSession } from "next-auth";
import type { SessionStage } from "./stages";

declare module "next-auth" {
  interface User {
    sessionToken?: string;
  }
  interface Session {
    user: { id: string; name: string | null; email: string | null };
    sessionId: string;
    tenantId: string;
    stage: SessionStage;
    expires: DefaultSession["expires"];
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    sessionToken?: string;
    sessionId?: string;
    tenantId?: string;
    stage?: SessionStage;
  }
}
