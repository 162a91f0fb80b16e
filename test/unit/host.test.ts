import { describe, expect, it } from "vitest";
import { parseHost } from "@/server/tenancy/host";

describe("parseHost in development (APP_DOMAIN=localhost)", () => {
  const parse = (host: string | null) => parseHost(host, "localhost");

  it.each([
    ["demo.localhost", "demo"],
    ["demo.localhost:3000", "demo"],
    ["DEMO.localhost", "demo"],
    ["Demo.LocalHost:3000", "demo"],
    ["acme-clinics.localhost", "acme-clinics"],
    ["a1.localhost:65535", "a1"],
  ])("%s is tenant %s", (host, slug) => {
    expect(parse(host)).toEqual({ kind: "tenant", slug });
  });

  it.each(["localhost", "localhost:3000", "LOCALHOST:3000"])("%s is the apex", (host) => {
    expect(parse(host)).toEqual({ kind: "apex" });
  });

  it.each([
    ["hostile suffix", "demo.localhost.evil.com"],
    ["lookalike domain", "demo.evillocalhost"],
    ["empty label", "a..localhost"],
    ["leading dot", ".localhost"],
    ["two labels", "a.b.localhost"],
    ["trailing dot", "demo.localhost."],
    ["leading hyphen", "-demo.localhost"],
    ["trailing hyphen", "demo-.localhost"],
    ["underscore", "de_mo.localhost"],
    ["userinfo", "user@demo.localhost"],
    ["path", "demo.localhost/x"],
    ["port zero", "demo.localhost:0"],
    ["port too large", "demo.localhost:70000"],
    ["port not a number", "demo.localhost:http"],
    ["empty port", "demo.localhost:"],
    ["IPv6 loopback", "[::1]:3000"],
    ["IPv6 bare", "::1"],
    ["IPv4", "127.0.0.1:3000"],
    ["reserved www", "www.localhost"],
    ["reserved api", "api.localhost"],
    ["reserved admin", "ADMIN.localhost"],
    ["reserved app", "app.localhost"],
    ["reserved auth", "auth.localhost"],
    ["reserved static", "static.localhost"],
    ["reserved assets", "assets.localhost"],
    ["reserved mail", "mail.localhost"],
    ["label too long", `${"a".repeat(64)}.localhost`],
    ["space inside", "de mo.localhost"],
    ["unicode", "dëmo.localhost"],
    ["empty", ""],
  ])("%s (%s) is no tenant", (_label, host) => {
    expect(parse(host)).toEqual({ kind: "none" });
  });

  it("treats a missing header as no tenant", () => {
    expect(parse(null)).toEqual({ kind: "none" });
  });
});

describe("parseHost in production (APP_DOMAIN=canopy.example.org)", () => {
  const parse = (host: string) => parseHost(host, "canopy.example.org");

  it("reads the slug under the configured domain", () => {
    expect(parse("moh.canopy.example.org")).toEqual({ kind: "tenant", slug: "moh" });
    expect(parse("canopy.example.org")).toEqual({ kind: "apex" });
  });

  it("does not accept the development domain or a sibling domain", () => {
    expect(parse("moh.localhost")).toEqual({ kind: "none" });
    expect(parse("moh.example.org")).toEqual({ kind: "none" });
    expect(parse("moh.canopy.example.org.evil.net")).toEqual({ kind: "none" });
  });
});
