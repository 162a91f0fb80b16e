import pino, { type DestinationStream, type Logger } from "pino";
import { env } from "./env";

/**
 * Structured JSON logs with one redaction list. Anything that could carry a secret or personal
 * data is redacted by path, so a careless `log.info({ req })` cannot leak a cookie, a password, a
 * code, a token, a request body (sign-in forms included) or a person's attribute values.
 */
export const REDACTED_PATHS = [
  "body",
  "*.body",
  "input",
  "*.input",
  "attributes",
  "*.attributes",
  "values",
  "*.values",
  "criteria",
  "*.criteria",
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
