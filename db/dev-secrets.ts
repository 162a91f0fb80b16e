import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export type DevSecrets = { postgresPassword: string; appPassword: string; authSecret: string };

export const DATA_DIR = path.resolve(".data");

/**
 * Secrets for the development setup, generated once into .data/secrets.json (mode 0600, ignored
 * by git). Production sets AUTH_SECRET and DATABASE_APP_PASSWORD in the environment instead.
 */
export function loadDevSecrets(dataDir = DATA_DIR): DevSecrets {
  const file = path.join(dataDir, "secrets.json");
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8")) as DevSecrets;
  const secrets: DevSecrets = {
    postgresPassword: randomBytes(24).toString("base64url"),
    appPassword: randomBytes(24).toString("base64url"),
    authSecret: randomBytes(32).toString("base64url"),
  };
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}
