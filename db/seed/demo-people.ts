import { randomUUID } from "node:crypto";
import type { Transaction } from "../client";
import { attributeValue, enrollment, event, ownershipChange, programOwnership, trackedEntity } from "../schema";
import { insertInBatches } from "./batch";
import { isoDate, middayOf, today } from "./days";
import { FEMALE_FIRST_NAMES, LAST_NAMES, MALE_FIRST_NAMES, PHONE_PREFIXES, VILLAGES } from "./demo-names";
import { planPeople, type PersonPlan } from "./demo-people-plan";
import type { AttributeName, DemoMetadata, DemoProgramName } from "./demo-programs";
import type { DemoTree } from "./demo-tree";
import { sampleValue } from "./demo-values";
import { seededRandom, type Random } from "./random";

/**
 * The demo's people, enrolments and events. Written by the owner connection, which only tenant
 * isolation binds; the path, ever-enrolled and search columns are left to the database's triggers.
 */

/** Fixed, so every machine and every run seeds the same people. */
const SEED = 20240601;
/** Enrolments reach back three years; some of those older than six months are completed. */
const ENROLMENT_WINDOW_DAYS = 3 * 365;
const COMPLETED_SHARE = 0.15;
/** Now and then a visit is recorded at a neighbouring facility; its owner stays the enrolling unit. */
const ELSEWHERE_SHARE = 0.05;
const OPTIONAL_VALUE_SHARE = 0.8;

type Rows = {
  people: (typeof trackedEntity.$inferInsert)[];
  values: (typeof attributeValue.$inferInsert)[];
  ownerships: (typeof programOwnership.$inferInsert)[];
  changes: (typeof ownershipChange.$inferInsert)[];
  enrollments: (typeof enrollment.$inferInsert)[];
  events: (typeof event.$inferInsert)[];
};

export async function seedDemoPeople(tx: Transaction, tenantId: string, tree: DemoTree, metadata: DemoMetadata): Promise<void> {
  const random = seededRandom(SEED);
  const rows: Rows = { people: [], values: [], ownerships: [], changes: [], enrollments: [], events: [] };
  const context: Context = { tenantId, random, metadata, rows, today: today(), elsewhere: neighbours(tree, random) };
  for (const [index, plan] of planPeople(random, tree).entries()) addPerson(context, index, plan);
  // Parents before children: each table references the ones before it.
  await insertInBatches(tx, trackedEntity, rows.people);
  await insertInBatches(tx, attributeValue, rows.values);
  await insertInBatches(tx, programOwnership, rows.ownerships);
  await insertInBatches(tx, ownershipChange, rows.changes);
  await insertInBatches(tx, enrollment, rows.enrollments);
  await insertInBatches(tx, event, rows.events);
}

type Context = {
  tenantId: string;
  random: Random;
  metadata: DemoMetadata;
  rows: Rows;
  today: number;
  elsewhere: (unitId: string) => string;
};

function addPerson(context: Context, index: number, plan: PersonPlan): void {
  const { tenantId, random, metadata, rows } = context;
  const id = randomUUID();
  const born = context.today - plan.ageDays;
  rows.people.push({ tenantId, id, trackedEntityTypeId: metadata.personTypeId, registrationUnitId: plan.unitId });
  const attributes: [AttributeName, string | null][] = [
    ["National ID", nationalId(index)],
    ["First name", random.pick(plan.sex === "Female" ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES)],
    ["Last name", random.pick(LAST_NAMES)],
    ["Sex", plan.sex],
    ["Date of birth", isoDate(born)],
    // Most adults have a phone; children are reached through their mother's.
    ["Phone number", plan.ageDays >= 15 * 365 && random.chance(0.6) ? phoneNumber(random) : null],
    ["Village", random.chance(0.85) ? random.pick(VILLAGES) : null],
  ];
  for (const [name, value] of attributes) {
    if (value !== null) rows.values.push({ tenantId, trackedEntityId: id, attributeId: metadata.attributeIds[name], value });
  }
  for (const name of plan.programs) addEnrollment(context, id, plan.unitId, name, born);
}

function addEnrollment(context: Context, personId: string, unitId: string, name: DemoProgramName, born: number): void {
  const { tenantId, random, rows } = context;
  const program = context.metadata.programs[name];
  // Children are enrolled within a month of birth; everyone else at any time in the window.
  const enrolledOn =
    name === "Child vaccination" ? Math.min(born + random.int(0, 30), context.today) : context.today - random.int(0, ENROLMENT_WINDOW_DAYS - 1);
  const pair = { tenantId, trackedEntityId: personId, programId: program.id };
  rows.ownerships.push({ ...pair, ownerUnitId: unitId });
  rows.changes.push({ ...pair, fromUnitId: null, toUnitId: unitId, reason: null, changedBy: null, changedAt: middayOf(enrolledOn) });

  const visits = visitDays(random, enrolledOn, context.today);
  const enrollmentId = randomUUID();
  const completed = enrolledOn < context.today - 180 && random.chance(COMPLETED_SHARE);
  rows.enrollments.push({
    ...pair,
    id: enrollmentId,
    orgUnitId: unitId,
    enrolledOn: isoDate(enrolledOn),
    status: completed ? "completed" : "active",
    completedAt: completed ? middayOf(visits.at(-1)!) : null,
  });
  // The one-off intake stage first, then visits of the repeatable stage.
  const [intake, followUp] = program.stages;
  for (const [visit, day] of visits.entries()) {
    const stage = visit === 0 ? intake! : followUp!;
    const values: Record<string, string> = {};
    for (const element of stage.elements) {
      if (element.definition.mandatory || random.chance(OPTIONAL_VALUE_SHARE)) values[element.id] = sampleValue(random, element.definition, day);
    }
    rows.events.push({
      ...pair,
      enrollmentId,
      stageId: stage.id,
      orgUnitId: random.chance(ELSEWHERE_SHARE) ? context.elsewhere(unitId) : unitId,
      occurredOn: isoDate(day),
      values,
    });
  }
}

/** One to four visits, the first within days of enrolment, the next weeks to months apart, none in the future. */
function visitDays(random: Random, enrolledOn: number, today: number): number[] {
  const days = [Math.min(enrolledOn + random.int(0, 3), today)];
  const wanted = random.int(1, 4);
  while (days.length < wanted) {
    const next = days.at(-1)! + random.int(14, 120);
    if (next > today) break;
    days.push(next);
  }
  return days;
}

/** Distinct for every person: the index scrambled by a multiplier coprime to 90,000,000. */
function nationalId(index: number): string {
  return `SL${10_000_000 + ((index * 7_654_321) % 90_000_000)}`;
}

function phoneNumber(random: Random): string {
  return `+232 ${random.pick(PHONE_PREFIXES)} ${random.int(100_000, 999_999)}`;
}

/** Another facility near a unit: in the same chiefdom (a chiefdom's own facilities), else the same district. */
function neighbours(tree: DemoTree, random: Random): (unitId: string) => string {
  const facility = new Map(tree.facilities.map((f) => [f.id, f]));
  return (unitId) => {
    const own = facility.get(unitId);
    const chiefdomId = own?.chiefdomId ?? unitId;
    const near = tree.facilities.filter((f) => f.id !== unitId && f.chiefdomId === chiefdomId);
    return random.pick(near.length ? near : tree.facilities.filter((f) => f.id !== unitId && f.districtId === own?.districtId)).id;
  };
}
