/**
 * How a seal's place is shown: its number within its lane of the tenant's audit trail (migration
 * 0047). Lane 0 holds every event sealed before the trail had lanes, so its numbers are the ones
 * shown before.
 */
export function sealLabel(seal: { lane: number; seq: number }): string {
  return `#${seal.seq.toLocaleString("en")} in lane ${seal.lane}`;
}
