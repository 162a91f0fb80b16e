import { defineConfig } from "drizzle-kit";

// Only `drizzle-kit generate` uses this file; it never connects. Migrations are applied by
// `npm run db:migrate` (db/migrate.ts), which also sets the runtime role's password.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./db/migrations",
  casing: "snake_case",
});
