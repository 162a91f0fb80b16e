import { openDatabase } from "./dev-database";
import { migrateDatabase } from "./migrator";

/** `npm run db:migrate`: apply pending migrations to DATABASE_URL (or the embedded database). */
const database = await openDatabase();
try {
  await migrateDatabase(database.ownerUrl, database.appPassword);
  console.log("Migrations applied.");
} finally {
  await database.stop();
}
