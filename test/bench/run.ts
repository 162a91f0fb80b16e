import { parseArgs } from "node:util";

/**
 * `npm run bench`: the demo-tenant micro-benchmarks (./demo.ts).
 * `npm run bench -- --size S|M [--fresh] [--only name,…] [--skip-naive]`: the national-scale
 * suite (./national) on a generated tenant that is kept and reused between runs. --only takes
 * suite names: point-read, latest-events, search, counts, http, break-glass, capture, move.
 */
const { values } = parseArgs({
  options: {
    size: { type: "string" },
    fresh: { type: "boolean", default: false },
    only: { type: "string" },
    "skip-naive": { type: "boolean", default: false },
  },
  strict: true,
});

if (!values.size) {
  await import("./demo");
} else {
  const size = values.size.toUpperCase();
  if (size !== "S" && size !== "M") throw new Error(`--size must be S or M, not ${values.size}`);
  const { runNational } = await import("./national/run");
  await runNational({
    size,
    fresh: values.fresh,
    only: values.only ? values.only.split(",").map((s) => s.trim()) : null,
    naive: !values["skip-naive"],
  });
}
