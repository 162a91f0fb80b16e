import { afterAll } from "vitest";
import { connect, type Database } from "@/db/client";
import { runtimeUrl } from "@/db/urls";

/** Owner and runtime connections to the test database, closed after the file's tests. */
export function testDatabases(): { owner: Database; runtime: Database } {
  const ownerUrl = process.env.DATABASE_URL!;
  const owner = connect(ownerUrl, { max: 3 });
  const runtime = connect(runtimeUrl(ownerUrl, process.env.DATABASE_APP_PASSWORD!), { max: 3 });
  afterAll(async () => {
    await Promise.all([owner.close(), runtime.close()]);
  });
  return { owner: owner.db, runtime: runtime.db };
}

/** The database's own message for a failed query (drizzle wraps it), or "no error". */
export async function dbError(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    const wrapped = error as { message: string; cause?: { message?: string } };
    return wrapped.cause?.message ?? wrapped.message;
  }
  return "no error";
}
