import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { tenant, userAccount } from "@/db/schema";
import { seedDemo } from "@/db/seed/demo";
import { databaseError } from "@/server/trpc/db-errors";

export const DEMO_OPTIONS = { password: "canopy-demo-2024!", totpSecret: "JBSWY3DPEHPK3PXP", secretKey: process.env.CANOPY_SECRET_KEY! };

/**
 * Seeds the demo tenants once per test database. Test files run in parallel, so two may race to
 * create them: the loser's unique-slug error means the winner has committed them.
 */
export async function seedDemoOnce(owner: Database): Promise<{ id: string; slug: string; name: string; users: Record<string, string> }> {
  try {
    await seedDemo(owner, DEMO_OPTIONS);
  } catch (error) {
    if (databaseError(error).code !== "23505") throw error;
  }
  const [row] = await owner.select().from(tenant).where(eq(tenant.slug, "demo"));
  const users = await owner.select({ id: userAccount.id, email: userAccount.email }).from(userAccount).where(eq(userAccount.tenantId, row!.id));
  return { id: row!.id, slug: row!.slug, name: row!.name, users: Object.fromEntries(users.map((u) => [u.email.split("@")[0]!, u.id])) };
}
