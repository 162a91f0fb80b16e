import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { withTenant } from "@/db/tenant-transaction";
import { DEMO_UNITS } from "@/db/seed/demo-tree";
import { callerAs } from "./callers";
import { testDatabases } from "./databases";
import { seedDemoOnce } from "./demo-tenant";

/**
 * The access rules on the real demo hierarchy, seen by the nurse (capture Ngelehun CHC, search
 * Badjia chiefdom): records owned by Ngelehun, by Badjia's other facility, by Badjia itself and
 * by another district, in every program; a transfer away from Ngelehun; a grant that expires.
 */
const { owner } = testDatabases();
let demo: Awaited<ReturnType<typeof seedDemoOnce>>;

type Owned = { person_id: string; program_id: string; national_id: string };

/** A person owned in `program` by a unit matched by `where` (as the owner sees the data). */
async function ownedBy(program: string, where: ReturnType<typeof sql>): Promise<Owned> {
  const [row] = await withTenant(owner, { tenantId: demo.id }, (tx) =>
    tx.execute<Owned>(sql`
      select o.tracked_entity_id as person_id, o.program_id, v.value as national_id
      from program_ownership o
      join program p on p.tenant_id = o.tenant_id and p.id = o.program_id
      join org_unit u on u.tenant_id = o.tenant_id and u.id = o.owner_unit_id
      join tracked_entity_attribute a on a.tenant_id = o.tenant_id and a.name = 'National ID'
      join tracked_entity_attribute_value v on v.tenant_id = o.tenant_id and v.tracked_entity_id = o.tracked_entity_id and v.attribute_id = a.id
      where o.tenant_id = ${demo.id} and p.name = ${program} and ${where}
        and (select count(*) from program_ownership x where x.tenant_id = o.tenant_id and x.tracked_entity_id = o.tracked_entity_id) = 1
      order by o.tracked_entity_id limit 1`),
  );
  if (!row) throw new Error(`no demo person owned in ${program}`);
  return row;
}

const atUnit = (code: string) => sql`u.code = ${code}`;
const otherBadjiaFacility = sql`u.parent_id = (select id from org_unit where tenant_id = u.tenant_id and code = ${DEMO_UNITS.badjia}) and u.code <> ${DEMO_UNITS.ngelehunChc}`;
const otherDistrict = sql`not (u.path <@ (select path from org_unit where tenant_id = u.tenant_id and code = ${DEMO_UNITS.bo}))`;

const outcome = (work: Promise<unknown>) => work.then(() => "ok", (error: { code?: string }) => error.code ?? "error");

beforeAll(async () => {
  demo = await seedDemoOnce(owner);
}, 120_000);

describe("the nurse on the demo hierarchy", () => {
  const PROGRAMS = ["Child vaccination", "Antenatal care", "HIV care", "Mental health"] as const;
  const expectations = {
    ngelehun: { "Child vaccination": "ok", "Antenatal care": "ok", "HIV care": "ok", "Mental health": "ok" },
    badjiaFacility: { "Child vaccination": "ok", "Antenatal care": "ok", "HIV care": "NOT_FOUND", "Mental health": "NOT_FOUND" },
    badjia: { "Child vaccination": "ok", "Antenatal care": "ok", "HIV care": "NOT_FOUND", "Mental health": "NOT_FOUND" },
    otherDistrict: { "Child vaccination": "NOT_FOUND", "Antenatal care": "NOT_FOUND", "HIV care": "NOT_FOUND", "Mental health": "NOT_FOUND" },
  } as const;
  const owners = {
    ngelehun: () => atUnit(DEMO_UNITS.ngelehunChc),
    badjiaFacility: () => otherBadjiaFacility,
    badjia: () => atUnit(DEMO_UNITS.badjia),
    otherDistrict: () => otherDistrict,
  };

  for (const [group, byProgram] of Object.entries(expectations) as [keyof typeof expectations, (typeof expectations)[keyof typeof expectations]][]) {
    it(`reads records owned by ${group} exactly as the access levels say, and finds them the same way`, async () => {
      const nurse = callerAs(demo, demo.users.nurse!);
      const typeId = (await nurse.program.types())[0]!;
      const nationalId = typeId.attributes.find((a) => a.name === "National ID")!.id;
      for (const program of PROGRAMS) {
        const owned = await ownedBy(program, owners[group]());
        expect({ program, read: await outcome(nurse.record.get({ personId: owned.person_id })) }).toEqual({ program, read: byProgram[program] });
        const found = await nurse.record.search({ trackedEntityTypeId: typeId.id, criteria: [{ attributeId: nationalId, value: owned.national_id }] });
        const listed = found.people.some((p) => p.id === owned.person_id);
        const promptable = found.protectedMatches.some((m) => m.personId === owned.person_id);
        const want = byProgram[program] === "ok" ? "listed" : program === "HIV care" && group !== "otherDistrict" ? "protected" : "hidden";
        expect({ program, found: listed ? "listed" : promptable ? "protected" : "hidden" }).toEqual({ program, found: want });
      }
    });
  }

  it("audits a read of an audited program outside the capture scope", async () => {
    const owned = await ownedBy("Antenatal care", otherBadjiaFacility);
    await callerAs(demo, demo.users.nurse!).record.get({ personId: owned.person_id });
    const [row] = await withTenant(owner, { tenantId: demo.id }, (tx) =>
      tx.execute<{ outside: string[] }>(sql`
        select details->'auditedOutsideCapture' as outside from audit_event
        where tenant_id = ${demo.id} and action = 'record.read' and subject_id = ${owned.person_id} and actor_user_id = ${demo.users.nurse!}
        order by occurred_at desc limit 1`),
    );
    expect(row?.outside).toEqual([owned.program_id]);
  });

  it("loses a record, with the events recorded at Ngelehun, when the supervisor transfers it out of Badjia", async () => {
    const owned = await ownedBy("Child vaccination", atUnit(DEMO_UNITS.ngelehunChc));
    const nurse = callerAs(demo, demo.users.nurse!);
    const before = await nurse.record.get({ personId: owned.person_id });
    expect(before.programs[0]!.enrollments[0]!.events.length).toBeGreaterThan(0);
    const [target] = await withTenant(owner, { tenantId: demo.id }, (tx) =>
      tx.execute<{ id: string }>(sql`
        select u.id from org_unit u where u.tenant_id = ${demo.id} and u.level = 4
          and u.path <@ (select path from org_unit where tenant_id = ${demo.id} and code = ${DEMO_UNITS.bo})
          and not (u.path <@ (select path from org_unit where tenant_id = ${demo.id} and code = ${DEMO_UNITS.badjia}))
        order by u.name limit 1`),
    );
    const supervisor = callerAs(demo, demo.users.supervisor!);
    const moved = await supervisor.record.transfer({ personId: owned.person_id, programId: owned.program_id, toUnitId: target!.id, reason: "Family moved to another chiefdom" });
    expect(moved.stillVisible).toBe(true);
    expect(await outcome(nurse.record.get({ personId: owned.person_id }))).toBe("NOT_FOUND");
    // The new owner's side sees the events recorded at Ngelehun, and the history says why.
    const after = await supervisor.record.get({ personId: owned.person_id });
    expect(after.programs[0]!.enrollments[0]!.events.map((e) => e.id).sort()).toEqual(before.programs[0]!.enrollments[0]!.events.map((e) => e.id).sort());
    expect(after.programs[0]!.history.at(-1)).toMatchObject({ fromName: "Ngelehun CHC", reason: "Family moved to another chiefdom" });
  });

  it("breaks the glass on an HIV record in Badjia, reads it under the grant, and loses it when the grant expires", async () => {
    const owned = await ownedBy("HIV care", otherBadjiaFacility);
    const nurse = callerAs(demo, demo.users.nurse!);
    expect(await outcome(nurse.record.get({ personId: owned.person_id }))).toBe("NOT_FOUND");
    await expect(nurse.breakGlass.request({ personId: owned.person_id, programId: owned.program_id, reason: "short" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const grant = await nurse.breakGlass.request({ personId: owned.person_id, programId: owned.program_id, reason: "Unconscious patient brought to Ngelehun" });
    const minutes = (grant.expiresAt.getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(179);
    expect(minutes).toBeLessThanOrEqual(180);
    const record = await nurse.record.get({ personId: owned.person_id });
    expect(record.programs.map((p) => ({ id: p.programId, grant: p.grant?.id, writable: p.writable }))).toEqual([{ id: owned.program_id, grant: grant.grantId, writable: false }]);
    await withTenant(owner, { tenantId: demo.id }, (tx) => tx.execute(sql`update break_glass_grant set expires_at = now() - interval '1 second' where id = ${grant.grantId}`));
    expect(await outcome(nurse.record.get({ personId: owned.person_id }))).toBe("NOT_FOUND");
    // The supervisor over Bo sees the grant, its reason and the read made under it.
    const review = await callerAs(demo, demo.users.supervisor!).breakGlass.reviewList({ status: "pending" });
    const item = review.items.find((i) => i.id === grant.grantId);
    expect(item).toMatchObject({ reason: "Unconscious patient brought to Ngelehun", programName: "HIV care", userName: "Fatmata Kamara" });
    expect(item!.reads).toHaveLength(1);
  });
});
