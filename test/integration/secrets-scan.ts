import postgres from "postgres";
import { FIXTURE_PASSWORD } from "../fixtures/tenants";

/**
 * Run after the whole suite: no password the tests typed (right or wrong) may appear in the
 * audit trail, flags or notifications. (Codes and TOTP secrets are checked by their own tests.)
 */
const TYPED_SECRETS = [FIXTURE_PASSWORD, "wrong password", "Sekret-Guess-123", "Password1", "violet canyon drums", "lantern harbour morning"];

export async function assertNoSecretsStored(ownerUrl: string): Promise<void> {
  const sql = postgres(ownerUrl, { max: 1, onnotice: () => {} });
  try {
    const patterns = TYPED_SECRETS.map((secret) => `%${secret}%`);
    const [row] = await sql<{ leaks: number }[]>`
      select (select count(*) from audit_event where details::text ilike any(${patterns}))
           + (select count(*) from security_flag where details::text ilike any(${patterns}))
           + (select count(*) from notification where (title || body) ilike any(${patterns})) as leaks`;
    if (Number(row!.leaks) > 0) throw new Error(`${row!.leaks} stored row(s) contain a password or code typed during the tests.`);
  } finally {
    await sql.end();
  }
}
