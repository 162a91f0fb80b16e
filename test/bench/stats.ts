/** Percentiles of repeated timings, in milliseconds. */
export type Timing = { name: string; runs: number; p50: number; p95: number; p99: number };

export async function time(name: string, runs: number, work: (i: number) => Promise<unknown>): Promise<Timing> {
  for (let i = 0; i < Math.min(20, runs); i++) await work(i); // warm caches and plans
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work(i);
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => Number(samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!.toFixed(3));
  return { name, runs, p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}
