import { generate } from "otplib";
import type { Database } from "@/db/client";
import { withTenant } from "@/db/tenant-transaction";
import { plantRecord, type Level } from "../fixtures/records";
import type { TenantFixture } from "../fixtures/tenants";
import { callerAs, signInAs } from "./callers";

/**
 * The audit expectation of every tRPC procedure (audit-coverage.test.ts holds the router to it).
 *
 * Personal data is data about identifiable people: patients (records, attributes, enrolments,
 * events, grants) and staff (accounts, addresses, phones, sign-in attempts, sessions, flags).
 * A procedure that reads or changes someone's personal data writes an audit row, and its entry
 * says which and how to call it. The rule for the caller's *own* data: reading it is not audited
 * — it discloses nothing to anyone new, the sign-in that opened the session is audited, and the
 * app reads it on every page (viewer.me) and every minute (the notification bell), which would
 * bury the trail and queue every request on the tenant's chain lock — while changing one's own
 * account or sessions is audited like any other change.
 */
export type Expectation =
  /** Touches no data about people. */
  | { personal: false; why: string }
  /** Reads only the caller's own data (see the rule above). */
  | { personal: "own"; why: string }
  /** Reads or changes someone's personal data; `call` does it once, validly, and says who did it to whom. */
  | { personal: true; audit: string; call: (scene: Scene) => Promise<Written> };

/** What the audit row must say: the actor, and the user or person it concerned where there is one. */
export type Written = { actor: string; subjectId?: string; personId?: string };

/** One fixture tenant and the databases, shared by every call. */
export type Scene = { f: TenantFixture; owner: Database; runtime: Database };

const as = (s: Scene, who: string) => callerAs(s.f, s.f.users[who]!);
const user = (s: Scene, who: string) => s.f.users[who]!;
const unit = (s: Scene, key: string) => s.f.units[key]!;

/** A fresh person owned at `at` with an enrolment and an event, so a call never depends on another's leftovers. */
const plant = (s: Scene, level: Level = "open", at = "north-a-1") =>
  withTenant(s.owner, { tenantId: s.f.id }, (tx) => plantRecord(tx, s.f.id, s.f.records, level, unit(s, at)));

let accounts = 0;

/** A new clerk account made by the admin; `who` signs in with `password` (a change is then required). */
async function newAccount(s: Scene) {
  accounts += 1;
  const who = `audited-${accounts}`;
  const created = await as(s, "admin").user.create({ email: `${who}@${s.f.slug}.test`, displayName: `Audited ${accounts}`, roleKeys: ["data_entry_clerk"] });
  return { who, id: created.userId, password: created.temporaryPassword };
}

const totp = (secret: string, offsetSteps = 0) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + offsetSteps * 30 });

/** Turns two-factor on for `userId` through the procedures; returns the secret. */
async function enrolTwoFactor(s: Scene, userId: string) {
  const caller = callerAs(s.f, userId);
  const { secret } = await caller.account.startTwoFactor();
  const confirmed = await caller.account.confirmTwoFactor({ code: await totp(secret) });
  if (!confirmed.ok) throw new Error(confirmed.message);
  return secret;
}

const reason = "Patient collapsed in the waiting room";

const units = "organisation units (names, codes, dates, the tree, groups and level names): no data about people";
const metadata = "record metadata (types, attributes, programs, stages, data elements): no data about people";
const settings = "the tenant's own settings: no data about people";
const roles = "role names and permissions, with how many users hold each: nobody is named";

export const EXPECTATIONS: Record<string, Expectation> = {
  "account.profile": { personal: "own", why: "the caller's own name, address, phone, roles and scopes" },
  "account.updateProfile": {
    personal: true,
    audit: "user.profile_changed",
    call: async (s) => {
      await as(s, "clerk").account.updateProfile({ displayName: "Clerk renamed", phone: "+232 76 123456" });
      return { actor: user(s, "clerk"), subjectId: user(s, "clerk") };
    },
  },
  "account.changeEmail": {
    personal: true,
    audit: "user.email_changed",
    call: async (s) => {
      const account = await newAccount(s);
      await callerAs(s.f, account.id).account.changeEmail({ email: `${account.who}-moved@${s.f.slug}.test`, password: account.password });
      return { actor: account.id, subjectId: account.id };
    },
  },
  "account.verifySecondFactor": {
    personal: true,
    audit: "sign_in.second_factor",
    call: async (s) => {
      const secret = await enrolTwoFactor(s, user(s, "southlead"));
      const session = await signInAs(s.runtime, s.f, "southlead");
      // Enrolment used the current time step; the next one is the first that counts again.
      const verified = await (await session.caller()).account.verifySecondFactor({ code: await totp(secret, 1) });
      if (!verified.ok) throw new Error(verified.message);
      return { actor: user(s, "southlead"), subjectId: user(s, "southlead") };
    },
  },
  "account.twoFactorStatus": { personal: "own", why: "whether the caller's own second factor is on, and their recovery codes left" },
  "account.startTwoFactor": {
    personal: "own",
    why: "stores a pending second-factor secret on the caller's own account that does nothing until confirmTwoFactor, which is audited",
  },
  "account.confirmTwoFactor": {
    personal: true,
    audit: "two_factor.enabled",
    call: async (s) => {
      const account = await newAccount(s);
      await enrolTwoFactor(s, account.id);
      return { actor: account.id, subjectId: account.id };
    },
  },
  "account.changePassword": {
    personal: true,
    audit: "password.changed",
    call: async (s) => {
      const account = await newAccount(s);
      const session = await signInAs(s.runtime, s.f, account.who, { password: account.password });
      const changed = await (await session.caller()).account.changePassword({ newPassword: "lantern harbour morning" });
      if (!changed.ok) throw new Error(changed.problems.join(" "));
      return { actor: account.id, subjectId: account.id };
    },
  },
  "account.checkPassword": { personal: "own", why: "checks a candidate against the caller's own account and the rules; returns only the problems" },

  "viewer.me": { personal: "own", why: "the caller's own name and address from the session, and their permissions" },

  "orgUnit.children": { personal: false, why: units },
  "orgUnit.search": { personal: false, why: units },
  "orgUnit.scopeRoots": { personal: false, why: `the units at the top of the caller's scope: ${units}` },
  "orgUnit.get": { personal: false, why: units },
  "orgUnit.create": { personal: false, why: units },
  "orgUnit.update": { personal: false, why: units },
  "orgUnit.move": { personal: false, why: units },
  "orgUnit.delete": { personal: false, why: `${units}; user scopes only counted` },
  "orgUnit.levels": { personal: false, why: units },
  "orgUnit.renameLevel": { personal: false, why: units },
  "orgUnit.groups": { personal: false, why: units },
  "orgUnit.createGroup": { personal: false, why: units },
  "orgUnit.deleteGroup": { personal: false, why: units },
  "orgUnit.setMembership": { personal: false, why: units },
  "orgUnit.checkImport": { personal: false, why: units },
  "orgUnit.importBatch": { personal: false, why: units },
  "orgUnit.export": { personal: false, why: units },

  "notification.list": { personal: "own", why: "the caller's own notifications" },
  "notification.markRead": { personal: "own", why: "sets the read flag on the caller's own notifications; nothing else changes" },

  "role.list": { personal: false, why: roles },
  "role.create": { personal: false, why: roles },
  "role.update": { personal: false, why: roles },
  "role.delete": { personal: false, why: roles },

  "security.attempts": {
    personal: true,
    audit: "security.attemptsListed",
    call: async (s) => {
      await as(s, "admin").security.attempts({});
      return { actor: user(s, "admin") };
    },
  },
  "security.flags": {
    personal: true,
    audit: "security.flagsListed",
    call: async (s) => {
      await as(s, "admin").security.flags({});
      return { actor: user(s, "admin") };
    },
  },

  "session.list": { personal: "own", why: "the caller's own sessions with their addresses and browsers" },
  "session.end": {
    personal: true,
    audit: "session.end",
    call: async (s) => {
      const { sessionId } = await signInAs(s.runtime, s.f, "nurse");
      await as(s, "nurse").session.end({ sessionId });
      return { actor: user(s, "nurse"), subjectId: sessionId };
    },
  },
  "session.endOthers": {
    personal: true,
    audit: "session.end_others",
    call: async (s) => {
      await as(s, "nurse").session.endOthers();
      return { actor: user(s, "nurse"), subjectId: user(s, "nurse") };
    },
  },

  "tenantSettings.security": { personal: false, why: settings },
  "tenantSettings.updateSecurity": { personal: false, why: settings },
  "tenantSettings.records": { personal: false, why: settings },
  "tenantSettings.updateRecords": { personal: false, why: settings },
  "tenantSettings.audit": { personal: false, why: settings },
  "tenantSettings.updateAudit": { personal: false, why: settings },

  "user.list": {
    personal: true,
    audit: "user.listed",
    call: async (s) => {
      await as(s, "admin").user.list({ search: "nurse" });
      return { actor: user(s, "admin") };
    },
  },
  "user.create": {
    personal: true,
    audit: "user.created",
    call: async (s) => {
      const account = await newAccount(s);
      return { actor: user(s, "admin"), subjectId: account.id };
    },
  },
  "user.update": {
    personal: true,
    audit: "user.updated",
    call: async (s) => {
      const account = await newAccount(s);
      await as(s, "admin").user.update({ userId: account.id, displayName: "Corrected name", email: `${account.who}@${s.f.slug}.test` });
      return { actor: user(s, "admin"), subjectId: account.id };
    },
  },
  "user.setStatus": {
    personal: true,
    audit: "user.disabled",
    call: async (s) => {
      const account = await newAccount(s);
      await as(s, "admin").user.setStatus({ userId: account.id, status: "disabled" });
      return { actor: user(s, "admin"), subjectId: account.id };
    },
  },
  "user.resetPassword": {
    personal: true,
    audit: "user.password_reset",
    call: async (s) => {
      const account = await newAccount(s);
      await as(s, "admin").user.resetPassword({ userId: account.id });
      return { actor: user(s, "admin"), subjectId: account.id };
    },
  },
  "user.resetTwoFactor": {
    personal: true,
    audit: "two_factor.reset",
    call: async (s) => {
      const account = await newAccount(s);
      await as(s, "admin").user.resetTwoFactor({ userId: account.id });
      return { actor: user(s, "admin"), subjectId: account.id };
    },
  },
  "user.scopes": {
    personal: true,
    audit: "user.scopesRead",
    call: async (s) => {
      await as(s, "admin").user.scopes({ userId: user(s, "nurse") });
      return { actor: user(s, "admin"), subjectId: user(s, "nurse") };
    },
  },
  "user.setScopes": {
    personal: true,
    audit: "user.scopes_changed",
    call: async (s) => {
      const account = await newAccount(s);
      await as(s, "admin").user.setScopes({ userId: account.id, capture: [unit(s, "north-a-1")], search: [unit(s, "north-a")], analytics: [] });
      return { actor: user(s, "admin"), subjectId: account.id };
    },
  },
  "user.setRoles": {
    personal: true,
    audit: "user.roles_changed",
    call: async (s) => {
      const account = await newAccount(s);
      const supervisor = (await as(s, "admin").role.list()).find((r) => r.key === "supervisor")!;
      await as(s, "admin").user.setRoles({ userId: account.id, roleIds: [supervisor.id] });
      return { actor: user(s, "admin"), subjectId: account.id };
    },
  },

  "program.types": { personal: false, why: metadata },
  "program.saveType": { personal: false, why: metadata },
  "program.saveAttribute": { personal: false, why: metadata },
  "program.list": { personal: false, why: metadata },
  "program.get": { personal: false, why: metadata },
  "program.save": { personal: false, why: metadata },
  "program.setOrgUnits": { personal: false, why: metadata },
  "program.saveStage": { personal: false, why: metadata },
  "program.saveDataElement": { personal: false, why: metadata },

  "record.register": {
    personal: true,
    audit: "record.registered",
    call: async (s) => {
      const { firstName, lastName } = s.f.records.attributes;
      const { personId } = await as(s, "nurse").record.register({
        trackedEntityTypeId: s.f.records.typeId,
        orgUnitId: unit(s, "north-a-1"),
        attributes: { [firstName]: "Isatu", [lastName]: "Conteh" },
      });
      return { actor: user(s, "nurse"), personId };
    },
  },
  "record.search": {
    personal: true,
    audit: "record.searched",
    call: async (s) => {
      await plant(s);
      await as(s, "nurse").record.search({ trackedEntityTypeId: s.f.records.typeId, criteria: [{ attributeId: s.f.records.attributes.lastName, value: "person" }] });
      return { actor: user(s, "nurse"), subjectId: s.f.records.typeId };
    },
  },
  "record.get": {
    personal: true,
    audit: "record.read",
    call: async (s) => {
      const { personId } = await plant(s);
      await as(s, "nurse").record.get({ personId });
      return { actor: user(s, "nurse"), personId };
    },
  },
  "record.updateAttributes": {
    personal: true,
    audit: "record.updated",
    call: async (s) => {
      const { personId, nationalId } = await plant(s);
      const a = s.f.records.attributes;
      await as(s, "nurse").record.updateAttributes({ personId, attributes: { [a.nationalId]: nationalId, [a.firstName]: "Test", [a.lastName]: "Renamed" } });
      return { actor: user(s, "nurse"), personId };
    },
  },
  "record.enroll": {
    personal: true,
    audit: "enrollment.created",
    call: async (s) => {
      const { personId } = await plant(s);
      const programId = s.f.records.programs.audited.id;
      await as(s, "nurse").record.enroll({ personId, programId, orgUnitId: unit(s, "north-a-1"), enrolledOn: "2026-05-01" });
      return { actor: user(s, "nurse"), personId };
    },
  },
  "record.setEnrollmentStatus": {
    personal: true,
    audit: "enrollment.completed",
    call: async (s) => {
      const { personId, enrollmentId } = await plant(s);
      await as(s, "nurse").record.setEnrollmentStatus({ enrollmentId, status: "completed" });
      return { actor: user(s, "nurse"), personId };
    },
  },
  "record.deleteEnrollment": {
    personal: true,
    audit: "enrollment.deleted",
    call: async (s) => {
      const { personId, enrollmentId } = await plant(s);
      await as(s, "medic").record.deleteEnrollment({ enrollmentId });
      return { actor: user(s, "medic"), personId };
    },
  },
  "record.createEvent": {
    personal: true,
    audit: "event.created",
    call: async (s) => {
      const { personId, enrollmentId } = await plant(s);
      const { stageId, elementId } = s.f.records.programs.open;
      await as(s, "nurse").record.createEvent({ enrollmentId, stageId, orgUnitId: unit(s, "north-a-1"), occurredOn: "2026-05-02", values: { [elementId]: "55" } });
      return { actor: user(s, "nurse"), personId };
    },
  },
  "record.updateEvent": {
    personal: true,
    audit: "event.updated",
    call: async (s) => {
      const { personId, eventId } = await plant(s);
      const { elementId } = s.f.records.programs.open;
      await as(s, "nurse").record.updateEvent({ eventId, orgUnitId: unit(s, "north-a-1"), occurredOn: "2026-02-02", values: { [elementId]: "43" } });
      return { actor: user(s, "nurse"), personId };
    },
  },
  "record.completeEvent": {
    personal: true,
    audit: "event.completed",
    call: async (s) => {
      const { personId, eventId } = await plant(s);
      await as(s, "nurse").record.completeEvent({ eventId });
      return { actor: user(s, "nurse"), personId };
    },
  },
  "record.deleteEvent": {
    personal: true,
    audit: "event.deleted",
    call: async (s) => {
      const { personId, eventId } = await plant(s);
      await as(s, "medic").record.deleteEvent({ eventId });
      return { actor: user(s, "medic"), personId };
    },
  },
  "record.transfer": {
    personal: true,
    audit: "ownership.transferred",
    call: async (s) => {
      const { personId, programId } = await plant(s);
      await as(s, "medic").record.transfer({ personId, programId, toUnitId: unit(s, "north-a-2"), reason: "Moved closer to her family in A2" });
      return { actor: user(s, "medic"), personId };
    },
  },
  "record.accessLog": {
    personal: true,
    audit: "record.accessLogRead",
    call: async (s) => {
      const { personId } = await plant(s);
      await as(s, "admin").record.accessLog({ personId });
      return { actor: user(s, "admin"), personId };
    },
  },

  "breakGlass.request": {
    personal: true,
    audit: "breakGlass.granted",
    call: async (s) => {
      const { personId, programId } = await plant(s, "protected", "north-a-2");
      await as(s, "nurse").breakGlass.request({ personId, programId, reason });
      return { actor: user(s, "nurse"), personId };
    },
  },
  "breakGlass.end": {
    personal: true,
    audit: "breakGlass.ended",
    call: async (s) => {
      const { personId, programId } = await plant(s, "protected", "north-a-2");
      const { grantId } = await as(s, "nurse").breakGlass.request({ personId, programId, reason });
      await as(s, "nurse").breakGlass.end({ grantId });
      return { actor: user(s, "nurse"), personId };
    },
  },
  "breakGlass.mine": {
    personal: "own",
    why: "the caller's own active grants (ids, program, expiry, no attribute of the person); each was audited when granted, as is every read under it",
  },
  "breakGlass.reviewList": {
    personal: true,
    audit: "breakGlass.reviewListed",
    call: async (s) => {
      await as(s, "reviewer").breakGlass.reviewList({ status: "all" });
      return { actor: user(s, "reviewer") };
    },
  },
  "breakGlass.markReviewed": {
    personal: true,
    audit: "breakGlass.reviewed",
    call: async (s) => {
      const { personId, programId } = await plant(s, "protected", "north-a-2");
      const { grantId } = await as(s, "nurse").breakGlass.request({ personId, programId, reason });
      await as(s, "reviewer").breakGlass.markReviewed({ grantId });
      return { actor: user(s, "reviewer"), subjectId: grantId };
    },
  },

  "privacy.exportPerson": {
    personal: true,
    audit: "record.exported",
    call: async (s) => {
      const { personId } = await plant(s);
      await as(s, "admin").privacy.exportPerson({ personId });
      return { actor: user(s, "admin"), personId };
    },
  },
  "privacy.erasePerson": {
    personal: true,
    audit: "record.erased",
    call: async (s) => {
      const { personId } = await plant(s);
      await as(s, "admin").privacy.erasePerson({ personId, ground: "consent_withdrawn", note: "Request DPO-2026-014 by letter" });
      return { actor: user(s, "admin"), personId };
    },
  },

  "audit.list": {
    personal: true,
    audit: "audit.listed",
    call: async (s) => {
      await as(s, "admin").audit.list({});
      return { actor: user(s, "admin") };
    },
  },
  "audit.actions": { personal: false, why: "the action names used in the tenant's trail" },
  "audit.export": {
    personal: true,
    audit: "audit.exported",
    call: async (s) => {
      const { personId } = await plant(s);
      await as(s, "admin").audit.export({ filters: { personId }, format: "csv" });
      return { actor: user(s, "admin"), personId };
    },
  },
  "audit.verify": { personal: false, why: "recomputes the chain and returns counts and the first broken link's number and id; audited anyway as audit.verified" },

  "retention.get": {
    personal: false,
    why: "retention periods, dry-run counts and purge history; a past run shows the administrator who applied it (attribution of an administrative act, not a look-up of anyone's data)",
  },
  "retention.update": { personal: false, why: settings },
  "retention.preview": { personal: false, why: "counts what the retention periods would remove; audited anyway as retention.previewed" },
  "retention.applyNow": {
    personal: true,
    audit: "retention.applied",
    call: async (s) => {
      const { at } = await as(s, "admin").retention.preview();
      await as(s, "admin").retention.applyNow({ previewedAt: at });
      return { actor: user(s, "admin"), subjectId: s.f.id };
    },
  },
};
