import { request } from "node:http";

/**
 * One GET to the app on 127.0.0.1 with a Host header of our choosing (the tenant is chosen by
 * Host, and fetch will not let us set it). For readiness and answer checks, not for timing.
 */
export function get(port: number, path: string, headers: Record<string, string>, timeoutMs = 30_000): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path, headers, timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
    });
    req.on("timeout", () => req.destroy(new Error(`no answer to GET ${path} within ${timeoutMs} ms`)));
    req.on("error", reject);
    req.end();
  });
}
