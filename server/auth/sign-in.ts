import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import { userAccount } from "@/db/schema";
import { withTenant } from "@/db/tenant-transaction";
import { recordAudit } from "@/server/audit/record";
import type { RequestMeta } from "@/server/tenancy/current";
import type { Tenant } from "@/server/tenancy/resolve";
import { spendVerificationTime, verifyPassword } from "./password";
import { createSession } from "./sessions";

export const signInInput = z.object({
  email: z.string().trim().toLowerCase().min(3).max(320),
  password: z.string().min(1).max(1024),
});

export type SignedIn = { userId: string; email: string; displayName: string; sessionToken: string };

/**
 * Checks an email and password against one tenant's users and opens a session. Every outcome
 * leaves an audit row in the same transaction. The caller learns only "signed in" or null, so no
 * message can tell an unknown email from a wrong password or a disabled account, and the dummy
 * verification makes the unknown email take as long as a known one.
 */
export async function signInWithPassword(
  db: Database,
  tenant: Tenant,
  rawInput: unknown,
  meta: RequestMeta,
): Promise<SignedIn | null> {
  const input = signInInput.safeParse(rawInput);
  if (!input.success) return null;
  const { email, password } = input.data;

  return withTenant(db, { tenantId: tenant.id }, async (tx) => {
    const [user] = await tx
      .select()
      .from(userAccount)
      .where(and(eq(userAccount.tenantId, tenant.id), eq(userAccount.email, email)));

    let failure: "unknown_email" | "bad_password" | "disabled" | null = null;
    if (!user) {
      await spendVerificationTime(password);
      failure = "unknown_email";
    } else if (!(await verifyPassword(user.passwordHash, password))) {
      failure = "bad_password";
    } else if (user.status !== "active") {
      failure = "disabled";
    }

    const audit = { tenantId: tenant.id, action: "sign_in", ip: meta.ip, userAgent: meta.userAgent };
    if (failure || !user) {
      await recordAudit(tx, { ...audit, actorUserId: user?.id ?? null, outcome: "failure", details: { email, reason: failure } });
      return null;
    }

    const sessionToken = await createSession(tx, { tenantId: tenant.id, userId: user.id, ...meta });
    await recordAudit(tx, { ...audit, actorUserId: user.id, subjectType: "user", subjectId: user.id });
    return { userId: user.id, email: user.email, displayName: user.displayName, sessionToken };
  });
}
