import { DEMO_PROGRAM_NAMES, type DemoProgramName } from "./demo-programs";
import { DEMO_UNITS, type DemoTree } from "./demo-tree";
import type { Random } from "./random";

/**
 * Who the demo people are and where: groups placed for the access scenarios of DESIGN.md §2 as
 * seen by the nurse (capture Ngelehun CHC, search Badjia) and the Bo district users.
 */
export const DEMO_PEOPLE_GROUPS = [
  { key: "ngelehun", people: 150, where: "registered and enrolled at Ngelehun CHC: the nurse's capture scope" },
  { key: "badjiaFacilities", people: 300, where: "at Badjia's other facility (Njandama MCHP): only in the nurse's search scope" },
  { key: "badjia", people: 30, where: "registered and enrolled at Badjia chiefdom itself: owned above every facility" },
  { key: "otherBo", people: 300, where: "at facilities of Bo's other chiefdoms: outside the nurse's scopes, inside Bo's" },
  { key: "otherDistricts", people: 2220, where: "at facilities of the twelve other districts: outside every Bo user's scopes" },
] as const;

export type DemoGroupKey = (typeof DEMO_PEOPLE_GROUPS)[number]["key"];

/** Every group has at least this many people in each program, and this many never enrolled at all. */
export const DEMO_MIN_PER_PROGRAM = 6;
export const DEMO_MIN_NEVER_ENROLLED = 5;

export type Sex = "Female" | "Male";
/** `unitId` registers the person and enrols (so owns) them in each of `programs`, at most two. */
export type PersonPlan = { unitId: string; sex: Sex; ageDays: number; programs: DemoProgramName[] };

const YEAR = 365;
const MAX_PROGRAMS = 2;

type Person = { sex: Sex; ageDays: number };
/** Someone aged `fromYears` to `toYears` (whole years, both included). */
const aged = (random: Random, fromYears: number, toYears: number, sex?: Sex): Person => ({
  sex: sex ?? random.pick(["Female", "Male"] as const),
  ageDays: random.int(fromYears * YEAR, (toYears + 1) * YEAR - 1),
});

/** Who fits each program, how likely a fitting person is enrolled, and a typical person for it. */
const ENROLMENT: Record<DemoProgramName, { fits: (p: Person) => boolean; rate: number; typical: (random: Random) => Person }> = {
  // Enrolled at birth, and enrolments reach back three years.
  "Child vaccination": {
    fits: (p) => p.ageDays < 3 * YEAR,
    rate: 0.9,
    typical: (random) => aged(random, 0, 2),
  },
  "Antenatal care": {
    fits: (p) => p.sex === "Female" && p.ageDays >= 15 * YEAR && p.ageDays < 50 * YEAR,
    rate: 0.5,
    typical: (random) => aged(random, 15, 49, "Female"),
  },
  "HIV care": {
    fits: (p) => p.ageDays >= 15 * YEAR,
    rate: 0.2,
    typical: (random) => aged(random, 15, 65),
  },
  "Mental health": {
    fits: (p) => p.ageDays >= 18 * YEAR,
    rate: 0.1,
    typical: (random) => aged(random, 18, 70),
  },
};

/** Registered people skew young and adult: a quarter under three (vaccination), few of school age. */
function anyone(random: Random): Person {
  const roll = random.next();
  if (roll < 0.25) return aged(random, 0, 2);
  if (roll < 0.35) return aged(random, 3, 14);
  return aged(random, 15, 80);
}

function programsFor(random: Random, person: Person): DemoProgramName[] {
  return DEMO_PROGRAM_NAMES.filter((name) => ENROLMENT[name].fits(person) && random.chance(ENROLMENT[name].rate)).slice(0, MAX_PROGRAMS);
}

/**
 * Each group starts with people made for each program and some never enrolled, so every
 * (group, program) pair has people whatever the dice say; the rest of the group is drawn at random.
 */
export function planPeople(random: Random, tree: DemoTree): PersonPlan[] {
  const plans: PersonPlan[] = [];
  for (const group of DEMO_PEOPLE_GROUPS) {
    const units = groupUnits(group.key, tree);
    const add = (person: Person, programs: DemoProgramName[]) =>
      plans.push({ unitId: random.pick(units), ...person, programs });
    for (const name of DEMO_PROGRAM_NAMES) {
      for (let i = 0; i < DEMO_MIN_PER_PROGRAM; i++) {
        const person = ENROLMENT[name].typical(random);
        add(person, [name, ...programsFor(random, person).filter((other) => other !== name)].slice(0, MAX_PROGRAMS));
      }
    }
    for (let i = 0; i < DEMO_MIN_NEVER_ENROLLED; i++) add(anyone(random), []);
    const planned = DEMO_PROGRAM_NAMES.length * DEMO_MIN_PER_PROGRAM + DEMO_MIN_NEVER_ENROLLED;
    for (let i = planned; i < group.people; i++) {
      const person = anyone(random);
      add(person, programsFor(random, person));
    }
  }
  return plans;
}

/** The units a group's people are registered at (and enrolled at, so owned by). */
function groupUnits(key: DemoGroupKey, tree: DemoTree): string[] {
  const ngelehun = tree.idOf(DEMO_UNITS.ngelehunChc);
  const badjia = tree.idOf(DEMO_UNITS.badjia);
  const bo = tree.idOf(DEMO_UNITS.bo);
  const facilities = (keep: (f: DemoTree["facilities"][number]) => boolean) => tree.facilities.filter(keep).map((f) => f.id);
  switch (key) {
    case "ngelehun":
      return [ngelehun];
    case "badjiaFacilities":
      return facilities((f) => f.chiefdomId === badjia && f.id !== ngelehun);
    case "badjia":
      return [badjia];
    case "otherBo":
      return facilities((f) => f.districtId === bo && f.chiefdomId !== badjia);
    case "otherDistricts":
      return facilities((f) => f.districtId !== bo);
  }
}
