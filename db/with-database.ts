import { spawn } from "node:child_process";
import { env } from "@/server/env";
import { startJobs, stopJobs } from "@/server/jobs/worker";
import { connect } from "./client";
import { openDatabase } from "./dev-database";
import { migrateDatabase } from "./migrator";
import { seedDemo } from "./seed/demo";

/**
 * `tsx db/with-database.ts <command…>` — used by `npm run dev` and `npm start`. Opens the database
 * (embedded PostgreSQL when DATABASE_URL is unset), applies migrations, seeds the demo tenants on
 * the embedded database, starts the background jobs (server/jobs/worker.ts), then runs the command
 * with the connection settings in its environment. Ctrl-C or SIGTERM stops the command first, then
 * the jobs, and the embedded database last.
 */
const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error("usage: tsx db/with-database.ts <command> [args…]");
  process.exit(2);
}

const database = await openDatabase();
await migrateDatabase(database.ownerUrl, database.appPassword);
if (database.embedded) {
  const { db, close } = connect(database.ownerUrl, { max: 1 });
  const created = await seedDemo(db, { password: env.DEMO_PASSWORD, totpSecret: env.DEMO_TOTP_SECRET, secretKey: database.secretKey }).finally(close);
  if (created.length) console.log(`Seeded demo tenants: ${created.join(", ")}.`);
  console.log(`Embedded PostgreSQL is running; open http://demo.${env.APP_DOMAIN}:${process.env.PORT ?? 3000}`);
}
await startJobs(database.ownerUrl);

const child = spawn(command, args, {
  stdio: "inherit",
  env: {
    ...process.env,
    DATABASE_URL: database.ownerUrl,
    DATABASE_APP_PASSWORD: database.appPassword,
    AUTH_SECRET: database.authSecret,
    CANOPY_SECRET_KEY: database.secretKey,
  },
});

let stopping = false;
const forward = (signal: NodeJS.Signals) => {
  if (stopping) return;
  stopping = true;
  child.kill(signal);
};
process.on("SIGINT", () => forward("SIGINT"));
process.on("SIGTERM", () => forward("SIGTERM"));

child.on("exit", async (code, signal) => {
  await stopJobs();
  await database.stop();
  process.exit(code ?? (signal ? 0 : 1));
});
