import pino from "pino";
import { env } from "./env";

/**
 * Structured JSON logs. Anything that could carry a secret is redacted by path, so a careless
 * `log.info({ req })` cannot leak a cookie, a password or a token.
 */
export const log = pino({
  level: env.NODE_ENV === "test" ? "silent" : env.LOG_LEVEL,
  base: { service: "canopy" },
  redact: {
    paths: [
      "password",
      "*.password",
      "code",
      "*.code",
      "token",
      "*.token",
      "secret",
      "*.secret",
      "headers.authorization",
      "headers.cookie",
      "*.headers.authorization",
      "*.headers.cookie",
    ],
    censor: "[redacted]",
  },
});
