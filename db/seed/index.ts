import { env } from "@/server/env";
import { connect } from "../client";
import { openDatabase } from "../dev-database";
import { migrateDatabase } from "../migrator";
import { seedDemo } from "./demo";

/** `npm run db:seed`: create the demo tenants unless they exist; running it again changes nothing. */
const database = await openDatabase();
try {
  if (database.embedded) await migrateDatabase(database.ownerUrl, database.appPassword);
  const { db, close } = connect(database.ownerUrl, { max: 1 });
  try {
    const created = await seedDemo(db, { password: env.DEMO_PASSWORD, totpSecret: env.DEMO_TOTP_SECRET, secretKey: database.secretKey });
    console.log(created.length ? `Seeded tenants: ${created.join(", ")}.` : "Demo tenants exist already; nothing changed.");
  } finally {
    await close();
  }
} finally {
  await database.stop();
}
