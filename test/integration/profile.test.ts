import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvent } from "@/db/schema";
import { withTenant } from "@/db/tenant-transaction";
import { createTenantFixture, FIXTURE_PASSWORD, type TenantFixture } from "../fixtures/tenants";
import { signInAs } from "./callers";
import { testDatabases } from "./databases";

const { owner, runtime } = testDatabases();
let t: TenantFixture;

beforeAll(async () => {
  t = await createTenantFixture(owner, "profile");
});

describe("self-service profile", () => {
  it("changes one's own name and phone, audited", async () => {
    const caller = await (await signInAs(runtime, t, "clerk")).caller();
    expect(await caller.account.updateProfile({ displayName: " Mariatu Sesay ", phone: "+232 76 123456" })).toEqual({
      displayName: "Mariatu Sesay",
      phone: "+232 76 123456",
    });
    expect(await caller.account.profile()).toMatchObject({ displayName: "Mariatu Sesay", phone: "+232 76 123456", roleKeys: ["data_entry_clerk"] });
    await expect(caller.account.updateProfile({ displayName: "", phone: "call me" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const rows = await withTenant(owner, { tenantId: t.id }, (tx) =>
      tx.select().from(auditEvent).where(and(eq(auditEvent.tenantId, t.id), eq(auditEvent.action, "user.profile_changed"))),
    );
    expect(rows[0]!.changes).toMatchObject({ after: { displayName: "Mariatu Sesay" } });
  });

  it("changes the sign-in email only with the password, and never to an address already in use", async () => {
    const caller = await (await signInAs(runtime, t, "clerk")).caller();
    await expect(caller.account.changeEmail({ email: "new@profile.test", password: "wrong" })).rejects.toMatchObject({
      message: "Your password is not correct.",
    });
    await expect(caller.account.changeEmail({ email: `nurse@${t.slug}.test`, password: FIXTURE_PASSWORD })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await caller.account.changeEmail({ email: "Mariatu@Profile.TEST", password: FIXTURE_PASSWORD })).toEqual({ email: "mariatu@profile.test" });
    expect((await caller.account.profile()).email).toBe("mariatu@profile.test");
  });
});
