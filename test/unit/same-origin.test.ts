import { describe, expect, it } from "vitest";
import { refusalOfWrite } from "@/server/trpc/same-origin";

const post = (headers: Record<string, string>) =>
  new Request("http://demo.localhost:3000/api/trpc/user.create", { method: "POST", headers: { host: "demo.localhost:3000", ...headers } });

describe("refusalOfWrite (CSRF)", () => {
  it("lets reads through", () => {
    expect(refusalOfWrite(new Request("http://demo.localhost:3000/api/trpc/viewer.me"))).toBeNull();
  });

  it("accepts a same-origin JSON write, and a JSON write without Origin (not a browser form)", () => {
    expect(refusalOfWrite(post({ "content-type": "application/json", origin: "http://demo.localhost:3000" }))).toBeNull();
    expect(refusalOfWrite(post({ "content-type": "application/json" }))).toBeNull();
  });

  it("refuses what a cross-site form or page could send", () => {
    expect(refusalOfWrite(post({ "content-type": "application/x-www-form-urlencoded" }))).toMatch(/JSON/);
    expect(refusalOfWrite(post({ "content-type": "text/plain", origin: "http://demo.localhost:3000" }))).toMatch(/JSON/);
    expect(refusalOfWrite(post({ "content-type": "application/json", origin: "http://evil.example" }))).toMatch(/Cross-site/);
    expect(refusalOfWrite(post({ "content-type": "application/json", origin: "http://acme.localhost:3000" }))).toMatch(/Cross-site/);
    expect(refusalOfWrite(post({ "content-type": "application/json", origin: "null" }))).toMatch(/Cross-site/);
  });
});
