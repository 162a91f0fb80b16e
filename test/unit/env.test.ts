import { describe, expect, it } from "vitest";
import { parseEnv } from "@/server/env";

describe("parseEnv", () => {
  it("fills safe development defaults", () => {
    expect(parseEnv({})).toMatchObject({
      NODE_ENV: "development",
      APP_DOMAIN: "localhost",
      DEMO_PASSWORD: "canopy-demo-2024!",
      EMBEDDED_PG_PORT: 54329,
    });
  });

  it("names the variable and what it expects", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL: expected a postgres:\/\/ or postgresql:\/\/ connection URL/);
    expect(() => parseEnv({ APP_DOMAIN: "https://canopy.org" })).toThrow(/APP_DOMAIN: expected a bare host name/);
    expect(() => parseEnv({ EMBEDDED_PG_PORT: "eighty" })).toThrow(/EMBEDDED_PG_PORT: expected a port number/);
    expect(() => parseEnv({ AUTH_SECRET: "short" })).toThrow(/AUTH_SECRET: expected at least 32 characters/);
    expect(() => parseEnv({ NODE_ENV: "staging" })).toThrow(/NODE_ENV/);
    expect(() => parseEnv({ DEMO_TOTP_SECRET: "not base32!" })).toThrow(/DEMO_TOTP_SECRET: expected a base32 TOTP secret/);
    expect(() => parseEnv({ DATABASE_URL: "postgres://canopy@localhost/canopy?host=run/postgresql" })).toThrow(
      /DATABASE_URL: expected the host parameter to be a socket directory/,
    );
    expect(parseEnv({ DATABASE_URL: "postgres://canopy@localhost/canopy?host=/var/run/postgresql" }).DATABASE_URL).toContain("host=/var/run/postgresql");
  });

  it("lists every bad variable at once", () => {
    expect(() => parseEnv({ DATABASE_URL: "nope", LOG_LEVEL: "loud" })).toThrow(/DATABASE_URL[\s\S]*LOG_LEVEL/);
  });

  it("requires real secrets in production with an external database", () => {
    const production = { NODE_ENV: "production", DATABASE_URL: "postgres://canopy@db/canopy" };
    expect(() => parseEnv(production)).toThrow(
      /AUTH_SECRET: required in production[\s\S]*DATABASE_APP_PASSWORD: required in production[\s\S]*CANOPY_SECRET_KEY: required in production/,
    );
    const secrets = { AUTH_SECRET: "x".repeat(32), DATABASE_APP_PASSWORD: "y".repeat(16), CANOPY_SECRET_KEY: "z".repeat(32) };
    expect(parseEnv({ ...production, ...secrets }).NODE_ENV).toBe("production");
  });

  it("treats empty values as unset and lower-cases the domain", () => {
    const parsed = parseEnv({ DATABASE_URL: "", APP_DOMAIN: "Canopy.Example.ORG" });
    expect(parsed.DATABASE_URL).toBeUndefined();
    expect(parsed.APP_DOMAIN).toBe("canopy.example.org");
  });
});
