/**
 * How a seal's place is shown: its number within its lane of the tenant's audit trail (migration
 * 0047), or null for an event not sealed (yet). Lane 0 holds every event sealed before the trail
 * had lanes, so its numbers are the ones shown before.
 */
export function sealLabel(seal: { lane: number | null; seq: number | null }): string | null {
  return seal.lane === null || seal.seq === null ? null : `#${seal.seq.toLocaleString("en")} in lane ${seal.lane}`;
}
