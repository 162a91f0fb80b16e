import pino, { type DestinationStream, type Logger } from "pino";
import { env } from "./env";

/**
 * Structured JSON logs. Anything that could carry a secret is redacted by path, so a careless
 * `log.info({ req })` cannot leak a cookie, a password, a code or a token.
 */
export const REDACTED_PATHS = [
  "password",
  "*.password",
  "currentPassword",
  "*.currentPassword",
  "newPassword",
  "*.newPassword",
  "code",
  "*.code",
  "token",
  "*.token",
  "sessionToken",
  "*.sessionToken",
  "secret",
  "*.secret",
  "headers.authorization",
  "headers.cookie",
  "*.headers.authorization",
  "*.headers.cookie",
];

export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = { level, base: { service: "canopy" }, redact: { paths: REDACTED_PATHS, censor: "[redacted]" } };
  return destination ? pino(options, destination) : pino(options);
}

export const log = createLogger(env.NODE_ENV === "test" ? "silent" : env.LOG_LEVEL);
