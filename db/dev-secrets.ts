import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export type DevSecrets = { postgresPassword: string; appPassword: string; authSecret: string; secretKey: string };

export const DATA_DIR = path.resolve(".data");

/**
 * Secrets for the development setup, generated once into .data/secrets.json (mode 0600, ignored
 * by git). Production sets AUTH_SECRET, DATABASE_APP_PASSWORD and CANOPY_SECRET_KEY instead.
 */
export function loadDevSecrets(dataDir = DATA_DIR): DevSecrets {
  const file = path.join(dataDir, "secrets.json");
  const existing = existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as Partial<DevSecrets>) : {};
  // Secrets added by later versions are filled in without touching the existing ones.
  const secrets: DevSecrets = {
    postgresPassword: existing.postgresPassword ?? randomBytes(24).toString("base64url"),
    appPassword: existing.appPassword ?? randomBytes(24).toString("base64url"),
    authSecret: existing.authSecret ?? randomBytes(32).toString("base64url"),
    secretKey: existing.secretKey ?? randomBytes(32).toString("base64url"),
  };
  if (Object.keys(existing).length === Object.keys(secrets).length) return secrets;
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}
