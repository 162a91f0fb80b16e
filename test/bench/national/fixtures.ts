import type { SizeSpec } from "./sizes";

/**
 * The named users ("personas") the suite measures, generated with fixed scopes alongside the
 * random population, so each user class of the issue is present whatever the dice say. Units are
 * named by code: N (nation), R<r>, D<d>, S<s>, F<f>; facility F<d> is district d's hospital.
 */
export const BENCH_SLUG = "bench";
/** Every generated user shares this password (one argon2 hash), for sign-in by the HTTP part. */
export const BENCH_PASSWORD = "bench password 1";

export type Role = "data_entry_clerk" | "supervisor" | "tenant_admin";
export type Persona = { key: string; label: string; role: Role; capture: string[]; search: string[] };

export const WRITERS = 16;

export function personas(spec: SizeSpec): Persona[] {
  const C = spec.subdistricts;
  // Facility C·k + s sits in subdistrict s (s < C), hence district s mod 80: clinics of district 0 are F<C>, F<2C>, F<3C>…
  const list: Persona[] = [
    { key: "clinic", label: "facility (clinic)", role: "data_entry_clerk", capture: [`F${C}`], search: [] },
    { key: "nurse", label: "facility + subdistrict search", role: "data_entry_clerk", capture: [`F${2 * C}`], search: ["S0"] },
    { key: "hospital", label: "facility (hospital)", role: "data_entry_clerk", capture: ["F0"], search: [] },
    { key: "multi", label: "4 facilities in 4 districts", role: "data_entry_clerk", capture: [1, 2, 3, 4].map((k) => `F${C + k}`), search: [] },
    { key: "district", label: "district", role: "supervisor", capture: ["D0"], search: [] },
    { key: "region", label: "region", role: "supervisor", capture: ["R0"], search: [] },
    { key: "national", label: "national (scope root)", role: "supervisor", capture: ["N"], search: [] },
    { key: "admin", label: "admin (all records)", role: "tenant_admin", capture: ["N"], search: [] },
    // Breaks the glass on protected records of district 0 owned outside their clinic.
    { key: "glass", label: "facility + district search", role: "data_entry_clerk", capture: [`F${3 * C}`], search: ["D0"] },
  ];
  // Writers capture into clinics of region 1 (districts 1, 11, …, 71), which no reading persona
  // covers and nothing moves, so the people they add each run change no other measurement.
  for (let k = 0; k < WRITERS; k++) {
    list.push({ key: `writer-${k}`, label: "capture writer", role: "data_entry_clerk", capture: [`F${5 * C + 10 * k + 1}`], search: [] });
  }
  // And as many clerks at one hospital (district 1's, in region 1 too), where every capture's keys
  // to its unit take the same row: the busy hospital next to the quiet clinics.
  for (let k = 0; k < WRITERS; k++) {
    list.push({ key: `hospital-clerk-${k}`, label: "hospital clerk", role: "data_entry_clerk", capture: ["F1"], search: [] });
  }
  return list;
}

/** People owned here are outside every reading persona's scopes (no persona covers district 7 or region 7). */
export const OUTSIDE_DISTRICT = "D7";
/** The district moved (and moved back) by the move benchmark, and where it goes: no persona's scope depends on them. */
export const MOVED_DISTRICT = "D25";
export const MOVE_TARGET_REGION = "R6";
/**
 * An S region holds about what an M district does (~900 facilities, ~20k people), so moving one
 * (under its neighbour and back) stands in for the "district with 1,000+ facilities" in S.
 */
export const MOVED_REGION = "R9";
export const MOVE_REGION_UNDER = "R8";
