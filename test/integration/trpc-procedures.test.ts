import { TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvent } from "@/db/schema";
import { withTenant } from "@/db/tenant-transaction";
import { recordAudit } from "@/server/audit/record";
import { createCallerFactory, protectedProcedure, router, type Context } from "@/server/trpc/init";
import { createCaller } from "@/server/trpc/root";
import { createTenantFixture, type TenantFixture } from "../fixtures/tenants";
import { testDatabases } from "./databases";

const { owner } = testDatabases();
let a: TenantFixture;
let b: TenantFixture;

beforeAll(async () => {
  [a, b] = await Promise.all([createTenantFixture(owner, "trpc-a"), createTenantFixture(owner, "trpc-b")]);
});

function contextFor(f: TenantFixture | null, signedIn = true): Context {
  return {
    tenant: f && { id: f.id, slug: f.slug, name: f.name },
    session:
      f && signedIn
        ? { userId: f.users.admin!, sessionId: "00000000-0000-4000-8000-000000000000", tenantId: f.id, stage: "active", name: "Admin", email: `admin@${f.slug}.test` }
        : null,
    meta: { ip: "127.0.0.1", userAgent: "vitest" },
    requestId: "test",
  };
}

describe("procedures", () => {
  it("answers the signed-in user with their tenant", async () => {
    const me = await createCaller(contextFor(a)).viewer.me();
    expect(me).toMatchObject({ name: "Admin", email: `admin@${a.slug}.test`, tenant: { slug: a.slug, name: a.name } });
    expect(me.rules.length).toBeGreaterThan(0);
  });

  it("asks anonymous callers to sign in", async () => {
    await expect(createCaller(contextFor(a, false)).viewer.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("answers not found where there is no tenant", async () => {
    await expect(createCaller(contextFor(null)).viewer.me()).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("lists one level of the tree from the tenant's own data", async () => {
    const roots = await createCaller(contextFor(a)).orgUnit.children({ parentId: null });
    expect(roots).toEqual([expect.objectContaining({ id: a.units.root, childCount: 2, level: 1 })]);
  });

  it("finds nothing under another tenant's unit, exactly as for a unit that does not exist", async () => {
    const caller = createCaller(contextFor(a));
    expect(await caller.orgUnit.children({ parentId: b.units.root! })).toEqual([]);
    expect(await caller.orgUnit.children({ parentId: crypto.randomUUID() })).toEqual([]);
  });

  it("rejects malformed input with a precise message", async () => {
    const attempt = createCaller(contextFor(a)).orgUnit.children({ parentId: "'; drop table org_unit; --" });
    await expect(attempt).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("the tenant transaction", () => {
  const probeRouter = router({
    writeThenFail: protectedProcedure.mutation(async ({ ctx }) => {
      await recordAudit(ctx.db, { tenantId: ctx.tenant.id, action: "probe.rolled_back" });
      throw new TRPCError({ code: "CONFLICT", message: "Changed by someone else." });
    }),
    writeThenCrash: protectedProcedure.mutation(async ({ ctx }) => {
      await recordAudit(ctx.db, { tenantId: ctx.tenant.id, action: "probe.crashed" });
      throw new Error("boom");
    }),
    writeAndSucceed: protectedProcedure.mutation(async ({ ctx }) => {
      await recordAudit(ctx.db, { tenantId: ctx.tenant.id, action: "probe.committed" });
      return "ok";
    }),
  });
  const probe = createCallerFactory(probeRouter);
  const count = (action: string) =>
    withTenant(owner, { tenantId: a.id }, async (tx) => (await tx.select().from(auditEvent).where(and(eq(auditEvent.tenantId, a.id), eq(auditEvent.action, action)))).length);

  it("rolls back everything when the handler fails", async () => {
    await expect(probe(contextFor(a)).writeThenFail()).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(probe(contextFor(a)).writeThenCrash()).rejects.toMatchObject({ code: "INTERNAL_SERVER_ERROR" });
    expect(await count("probe.rolled_back")).toBe(0);
    expect(await count("probe.crashed")).toBe(0);
  });

  it("commits when the handler succeeds", async () => {
    expect(await probe(contextFor(a)).writeAndSucceed()).toBe("ok");
    expect(await count("probe.committed")).toBe(1);
  });
});

describe("orgUnit.search", () => {
  it("finds units by part of the name or code, with the path of names, in the caller's tenant only", async () => {
    const found = await createCaller(contextFor(a)).orgUnit.search({ query: "clinic a" });
    expect(found.map((u) => u.pathNames)).toEqual(["trpc-a country › North › North A › Clinic A1", "trpc-a country › North › North A › Clinic A2"]);
    expect(await createCaller(contextFor(a)).orgUnit.search({ query: "trpc-b" })).toEqual([]);
    expect(await createCaller(contextFor(a)).orgUnit.search({ query: "%" })).toEqual([]);
  });
});
