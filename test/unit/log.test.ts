import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "@/server/log";

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: createLogger("info", stream), lines };
}

describe("log redaction", () => {
  it("never writes passwords, codes, tokens, secrets, cookies or authorization headers", () => {
    const { logger, lines } = capture();
    logger.info(
      {
        password: "hunter2-password",
        body: { currentPassword: "old-pass", newPassword: "new-pass", code: "123456", sessionToken: "tok-abc" },
        secret: "JBSWY3DPEHPK3PXP",
        req: { headers: { cookie: "next-auth.session-token=tok-abc", authorization: "Bearer xyz" } },
        requestId: "r-1",
      },
      "something happened",
    );
    const text = lines.join("");
    for (const leak of ["hunter2-password", "old-pass", "new-pass", "123456", "tok-abc", "JBSWY3DPEHPK3PXP", "Bearer xyz"]) {
      expect(text).not.toContain(leak);
    }
    expect(JSON.parse(lines[0]!)).toMatchObject({ requestId: "r-1", msg: "something happened", password: "[redacted]" });
  });

  it("never writes request bodies or a person's attribute values", () => {
    const { logger, lines } = capture();
    logger.info({ input: { attributes: { a: "Fatmata Kamara" } }, body: "email=nurse%40demo.test&password=x", criteria: [{ value: "SL-0001" }] }, "procedure");
    const text = lines.join("");
    for (const leak of ["Fatmata", "nurse%40demo.test", "SL-0001"]) expect(text).not.toContain(leak);
  });
});
