import { readdirSync, readFileSync } from "node:fs";
import type postgres from "postgres";

/** CPU time per unit of work (ms): the bench server's (null when it is not on this machine) and this process's. */
export type CpuPerTx = { database: number | null; generator: number };

/** Linux accounts process CPU time in clock ticks; 100 per second on every kernel Node runs on here. */
const MS_PER_TICK = 10;

/** `ticks`: the process's own CPU time; `reaped`: that of its children that have ended and been waited for. */
type Stat = { name: string; parent: number; ticks: number; reaped: number };

/** /proc/<pid>/stat, or null when the process is gone (or there is no /proc). */
function statOf(pid: number): Stat | null {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return null;
  }
  // The name may hold spaces and parentheses; the fields after its last ")" are fixed (proc(5)):
  // state, ppid, …, utime and stime (14th and 15th fields overall), cutime and cstime (16th, 17th).
  const fields = text.slice(text.lastIndexOf(")") + 2).split(" ").map(Number);
  return {
    name: text.slice(text.indexOf("(") + 1, text.lastIndexOf(")")),
    parent: fields[1]!,
    ticks: fields[11]! + fields[12]!,
    reaped: fields[13]! + fields[14]!,
  };
}

/**
 * The PostgreSQL server behind `sql` when it runs on this machine: its postmaster's pid, the
 * parent of the backend serving this connection. Null when no local postgres process has that
 * pid, as for a server elsewhere (whose pid could match a local backend only by chance; the
 * bench's own server is local unless DATABASE_URL says otherwise).
 */
export async function localServerOf(sql: postgres.Sql): Promise<number | null> {
  const [row] = await sql<{ pid: number }[]>`select pg_backend_pid() as pid`;
  const backend = row ? statOf(row.pid) : null;
  if (!backend?.name.startsWith("postgres")) return null;
  const postmaster = statOf(backend.parent);
  return postmaster?.name.startsWith("postgres") ? backend.parent : null;
}

/**
 * CPU time (ms) used so far by one PostgreSQL server: its postmaster and every process it
 * started (backends, WAL writer, checkpointer, autovacuum, and parallel workers that have ended).
 * Another server on the machine — the system's, or a test run's — is not counted. Differences
 * between two readings say what a load cost the database.
 */
export function serverCpuMs(postmaster: number): number {
  const server = statOf(postmaster);
  let ticks = server ? server.ticks + server.reaped : 0;
  let pids: string[];
  try {
    pids = readdirSync("/proc").filter((name) => /^\d+$/.test(name));
  } catch {
    return 0;
  }
  for (const pid of pids) {
    const stat = statOf(Number(pid));
    if (stat?.parent === postmaster) ticks += stat.ticks;
  }
  return ticks * MS_PER_TICK;
}

/** CPU time (ms) used so far by this process: the load generator (and, for handler loads, the app's own code). */
export function generatorCpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}
