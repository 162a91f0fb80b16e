import { z } from "zod";
// Relative: next.config.ts imports this module, before any path alias applies.
import { hasValidSocketHost } from "../db/socket-url";

/**
 * Every environment variable Canopy reads, validated once at start-up. `next.config.ts` imports
 * this module, so a bad value fails `next build` and `next start` before anything is served.
 */
const postgresUrl = z
  .string()
  .regex(/^postgres(ql)?:\/\/\S+$/, "expected a postgres:// or postgresql:// connection URL")
  .refine(hasValidSocketHost, "expected the host parameter to be a socket directory, an absolute path such as /var/run/postgresql");

const hostname = z
  .string()
  .toLowerCase()
  .regex(
    /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/,
    "expected a bare host name such as localhost or canopy.example.org (no scheme, port or path)",
  );

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    DATABASE_URL: postgresUrl.optional(),
    DATABASE_APP_PASSWORD: z
      .string()
      .min(16, "expected at least 16 characters")
      .optional(),
    AUTH_SECRET: z.string().min(32, "expected at least 32 characters").optional(),
    CANOPY_SECRET_KEY: z.string().min(32, "expected at least 32 characters of random data").optional(),
    DEMO_TOTP_SECRET: z
      .string()
      .regex(/^[A-Z2-7]{16,64}$/, "expected a base32 TOTP secret (A–Z, 2–7, 16 to 64 characters)")
      .default("JBSWY3DPEHPK3PXP"),
    APP_DOMAIN: hostname.default("localhost"),
    DEMO_PASSWORD: z.string().min(8, "expected at least 8 characters").default("canopy-demo-2024!"),
    EMBEDDED_PG_PORT: z.coerce
      .number({ message: "expected a port number" })
      .int("expected a port number")
      .min(1024, "expected a port from 1024 to 65535")
      .max(65535, "expected a port from 1024 to 65535")
      .default(54329),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  })
  .superRefine((value, ctx) => {
    // The embedded dev database generates these under .data/; a real deployment must set them.
    if (value.NODE_ENV !== "production" || !value.DATABASE_URL) return;
    for (const key of ["AUTH_SECRET", "DATABASE_APP_PASSWORD", "CANOPY_SECRET_KEY"] as const) {
      if (!value[key]) {
        ctx.addIssue({ code: "custom", path: [key], message: "required in production when DATABASE_URL is set" });
      }
    }
  });

export type Env = z.infer<typeof schema>;

export class EnvError extends Error {
  override name = "EnvError";
}

/** Parses a raw environment; throws an EnvError naming every bad variable and what it expects. */
export function parseEnv(raw: Record<string, string | undefined>): Env {
  const blanksRemoved = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined && v !== ""));
  const result = schema.safeParse(blanksRemoved);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  ${issue.path.join(".") || "(environment)"}: ${issue.message}`);
  throw new EnvError(`Invalid environment configuration:\n${lines.join("\n")}`);
}

function loadEnv(): Env {
  try {
    return parseEnv(process.env);
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

export const env = loadEnv();
