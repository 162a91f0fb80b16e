import { request } from "node:http";
import { and, eq } from "drizzle-orm";
import postgres from "postgres";
import { connect } from "@/db/client";
import { tenant, userAccount } from "@/db/schema";
import { withTenant } from "@/db/tenant-transaction";
import { DEFAULT_SECURITY_POLICY } from "@/server/auth/security-policy";
import { createSession } from "@/server/auth/sessions";

/**
 * After the browser suite: a session token is opened for the nurse and used on real requests
 * (page and API), then the app's logs and the stored audit trail, flags and notifications must
 * hold none of the demo password, the demo TOTP secret or that token.
 */
export async function useFreshSessionToken(ownerUrl: string, port: number): Promise<string> {
  const owner = connect(ownerUrl, { max: 1 });
  try {
    const [demo] = await owner.db.select().from(tenant).where(eq(tenant.slug, "demo"));
    const [nurse] = await withTenant(owner.db, { tenantId: demo!.id }, (tx) =>
      tx.select().from(userAccount).where(and(eq(userAccount.tenantId, demo!.id), eq(userAccount.email, "nurse@demo.test"))),
    );
    const token = await withTenant(owner.db, { tenantId: demo!.id }, (tx) =>
      createSession(tx, { tenantId: demo!.id, userId: nurse!.id, stage: "active", limits: DEFAULT_SECURITY_POLICY.session, ip: null, userAgent: "leak-scan" }),
    );
    for (const path of ["/", "/api/trpc/viewer.me", "/api/trpc/record.search?input=%7B%7D"]) await get(port, path, `next-auth.session-token=${token}`);
    return token;
  } finally {
    await owner.close();
  }
}

function get(port: number, path: string, cookie: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path, headers: { host: `demo.localhost:${port}`, cookie } }, (res) => {
      res.resume();
      res.on("end", resolve);
    });
    req.on("error", reject);
    req.end();
  });
}

export async function findLeaks(ownerUrl: string, logs: string, secrets: Record<string, string>): Promise<string[]> {
  const sql = postgres(ownerUrl, { max: 1, onnotice: () => {} });
  try {
    const leaks: string[] = [];
    for (const [name, secret] of Object.entries(secrets)) {
      if (logs.includes(secret)) leaks.push(`the app's logs contain the ${name}`);
      const pattern = `%${secret}%`;
      const [row] = await sql<{ n: string }[]>`
        select (select count(*) from audit_event a where a::text like ${pattern})
             + (select count(*) from security_flag f where f::text like ${pattern})
             + (select count(*) from notification n where n::text like ${pattern}) as n`;
      if (Number(row!.n) > 0) leaks.push(`${row!.n} stored audit/flag/notification row(s) contain the ${name}`);
    }
    return leaks;
  } finally {
    await sql.end();
  }
}
