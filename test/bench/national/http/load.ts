import autocannon from "autocannon";

export type Load = { port: number; headers: Record<string, string>; connections: number; seconds: number; path: (i: number) => string };

export type LoadResult = {
  /** Every response's time in ms, whatever its status (autocannon's own histogram has no p95). */
  latencies: number[];
  requestsPerSecond: number;
  /** Responses other than 2xx, by status code. */
  non2xx: Record<string, number>;
  /** Connection errors and timeouts (a request that got no response at all). */
  errors: number;
  timeouts: number;
};

/**
 * Keeps `connections` requests in flight for `seconds` (closed loop: each connection sends its
 * next request when the last one answers). One counter across all connections picks each
 * request's path, so together they walk the inputs in order.
 */
export function fire(load: Load): Promise<LoadResult> {
  let next = 0;
  const latencies: number[] = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: `http://127.0.0.1:${load.port}`,
        connections: load.connections,
        duration: load.seconds,
        headers: load.headers,
        requests: [{ method: "GET", setupRequest: (request) => ({ ...request, path: load.path(next++) }) }],
      },
      (error, result) => {
        if (error) return reject(error instanceof Error ? error : new Error(String(error)));
        const non2xx = Object.fromEntries(
          Object.entries(result.statusCodeStats ?? {}).flatMap(([code, { count }]) => (code.startsWith("2") ? [] : [[code, count ?? 0]])),
        );
        resolve({ latencies, requestsPerSecond: latencies.length / result.duration, non2xx, errors: result.errors, timeouts: result.timeouts });
      },
    );
    instance.on("response", (_client, _status, _bytes, ms) => latencies.push(ms));
  });
}
