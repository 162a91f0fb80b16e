import { afterAll } from "vitest";
import { connect, type Database } from "@/db/client";
import { LOCAL_RUNTIME_ROLE, runtimeUrl, WIDE_RUNTIME_ROLE } from "@/db/urls";

/**
 * Owner and runtime connections to the test database (the scoped runtime role, the wide one that
 * serves callers who read every record, and the local one for callers whose scopes are bound as
 * unit sets), closed after the file's tests.
 */
export function testDatabases(): { owner: Database; runtime: Database; wide: Database; local: Database } {
  const ownerUrl = process.env.DATABASE_URL!;
  const owner = connect(ownerUrl, { max: 3 });
  const runtime = connect(runtimeUrl(ownerUrl, process.env.DATABASE_APP_PASSWORD!), { max: 3 });
  const wide = connect(runtimeUrl(ownerUrl, process.env.DATABASE_APP_PASSWORD!, WIDE_RUNTIME_ROLE), { max: 2 });
  const local = connect(runtimeUrl(ownerUrl, process.env.DATABASE_APP_PASSWORD!, LOCAL_RUNTIME_ROLE), { max: 2 });
  afterAll(async () => {
    await Promise.all([owner.close(), runtime.close(), wide.close(), local.close()]);
  });
  return { owner: owner.db, runtime: runtime.db, wide: wide.db, local: local.db };
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
