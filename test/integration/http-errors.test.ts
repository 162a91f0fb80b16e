import { TRPCError } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { beforeAll, describe, expect, it } from "vitest";
import { protectedProcedure, router } from "@/server/trpc/init";
import { appRouter } from "@/server/trpc/root";
import { createTenantFixture, type TenantFixture } from "../fixtures/tenants";
import { activeContext } from "./callers";
import { testDatabases } from "./databases";

/** What a browser actually receives: the formatted error, over the real fetch adapter. */
const { owner } = testDatabases();
let t: TenantFixture;

beforeAll(async () => {
  t = await createTenantFixture(owner, "http");
});

async function call(path: string, input: unknown, routerToUse = appRouter) {
  const response = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req: new Request(`http://demo.localhost/api/trpc/${path}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(input),
    }),
    router: routerToUse,
    createContext: async () => activeContext(t, t.users.admin!),
  });
  return { status: response.status, body: (await response.json()) as { error: { message: string; data: Record<string, unknown> } } };
}

describe("errors over HTTP", () => {
  it("explains bad input field by field", async () => {
    const { status, body } = await call("user.create", { email: "not-an-email", displayName: "" });
    expect(status).toBe(400);
    expect(body.error.message).toBe("email: Enter a valid email address.; displayName: Enter the person's name.");
    expect(body.error.data.fieldErrors).toEqual([
      { path: ["email"], message: "Enter a valid email address." },
      { path: ["displayName"], message: "Enter the person's name." },
    ]);
  });

  it("hides internal failures behind a generic message, with no stack, SQL or detail", async () => {
    const broken = router({
      crash: protectedProcedure.mutation(async ({ ctx }) => {
        await ctx.db.execute("select * from table_that_does_not_exist" as never);
        throw new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: "secret detail" });
      }),
    });
    const { status, body } = await call("crash", {}, broken as unknown as typeof appRouter);
    expect(status).toBe(500);
    expect(body.error.message).toBe("Something went wrong on our side. Please try again.");
    const text = JSON.stringify(body);
    for (const leak of ["stack", "table_that_does_not_exist", "select", "secret detail", "at "]) expect(text).not.toContain(leak);
  });

  it("reports a missing record as not found and a missing permission as forbidden", async () => {
    expect((await call("user.resetTwoFactor", { userId: crypto.randomUUID() })).body.error.data.code).toBe("NOT_FOUND");
  });
});
