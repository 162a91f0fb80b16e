/**
 * The synthetic national tenants of issue 7. Five levels: nation → regions → districts →
 * subdistricts → facilities. Unit i of a level hangs under unit (i mod count) of the level above,
 * so every district gets the same number of subdistricts and facilities, and facility d (d < the
 * number of districts) is the one hospital of district d (it sits in subdistrict d, district d).
 *
 * S keeps M's 10 regions and 80 districts, so a district has ~114 facilities instead of M's ~1,224
 * (the district move in S is therefore smaller than the "1,000+ facilities"; say so).
 */
export type Size = "S" | "M";

export type SizeSpec = {
  size: Size;
  regions: number;
  districts: number;
  subdistricts: number;
  facilities: number;
  users: number;
  people: number;
  /** Aimed at, not exact: events per enrolment are drawn around events / enrolments. */
  events: number;
  /** A hospital draws this many times a clinic's people (clinics vary between 0.5× and 1.5×). */
  hospitalWeight: number;
};

export const SIZES: Record<Size, SizeSpec> = {
  S: { size: "S", regions: 10, districts: 80, subdistricts: 800, facilities: 9_109, users: 2_000, people: 200_000, events: 1_000_000, hospitalWeight: 100 },
  M: { size: "M", regions: 10, districts: 80, subdistricts: 2_000, facilities: 97_909, users: 20_000, people: 2_000_000, events: 10_000_000, hospitalWeight: 100 },
};

export const unitCount = (s: SizeSpec) => 1 + s.regions + s.districts + s.subdistricts + s.facilities;

/** The user mix of the issue: share of users per scope level; 10% of them have 2–5 roots. */
export const USER_MIX = { facility: 0.7, district: 0.2, region: 0.08, national: 0.02, multiRoot: 0.1 } as const;

/**
 * What changes the generated data: a stored tenant generated from another spec is not reused.
 * Bump `version` whenever the generators or the personas (../fixtures.ts) change.
 */
export const specKey = (s: SizeSpec) => JSON.stringify({ ...s, mix: USER_MIX, version: 5 });
