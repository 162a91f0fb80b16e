import { readdirSync, readFileSync } from "node:fs";

/** CPU time per unit of work (ms): PostgreSQL's (null when the server is not on this machine) and this process's. */
export type CpuPerTx = { database: number | null; generator: number };

/** Linux accounts process CPU time in clock ticks; 100 per second on every kernel Node runs on here. */
const MS_PER_TICK = 10;

/**
 * CPU time (ms) used so far by every PostgreSQL process on this machine (backends, WAL writer,
 * checkpointer, autovacuum), read from /proc; null where there is none to read (a server
 * elsewhere, or no /proc). Differences between two readings say what a load cost the database.
 */
export function databaseCpuMs(): number | null {
  let entries: string[];
  try {
    entries = readdirSync("/proc").filter((name) => /^\d+$/.test(name));
  } catch {
    return null;
  }
  let ticks = 0;
  let found = false;
  for (const pid of entries) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    } catch {
      continue; // the process ended between the listing and the read
    }
    const name = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
    if (!name.startsWith("postgres")) continue;
    // After the name: state is field 3, utime and stime are fields 14 and 15 (proc(5)).
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    ticks += Number(fields[11]) + Number(fields[12]);
    found = true;
  }
  return found ? ticks * MS_PER_TICK : null;
}

/** CPU time (ms) used so far by this process: the load generator (and, for handler loads, the app's own code). */
export function generatorCpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}
