import type postgres from "postgres";

/**
 * What a load wrote to the WAL per transaction: records, kilobytes of full-page images (a page's
 * first change after a checkpoint writes the whole page, which random index keys make happen on
 * nearly every insert: README, Performance, *Day-stamped ids*) and kilobytes in all.
 */
export type WalPerTx = { records: number; fullPageKb: number; totalKb: number };

/**
 * A WAL meter: read from the WAL itself between two positions with pg_walinspect (PostgreSQL 15+;
 * the owner creates the extension in the bench database), so the figures are exact, where
 * pg_stat_wal lags by up to ten seconds per backend. Null when the extension cannot be had (a
 * server elsewhere without contrib) or the range has already been recycled: the row then says
 * what it can without it.
 */
export async function startWalMeter(owner: postgres.Sql): Promise<(transactions: number) => Promise<WalPerTx | null>> {
  const from = await flushedPosition(owner);
  return async (transactions) => {
    if (from === null || transactions === 0) return null;
    try {
      const to = await flushedPosition(owner);
      const [row] = await owner<{ records: string; fpi: string; combined: string }[]>`
        select coalesce(sum(count), 0)::text as records, coalesce(sum(fpi_size), 0)::text as fpi, coalesce(sum(combined_size), 0)::text as combined
        from pg_get_wal_stats(${from}::pg_lsn, ${to}::pg_lsn)`;
      const per = (value: string, divisor = 1) => Number((Number(value) / divisor / transactions).toFixed(1));
      return { records: per(row!.records), fullPageKb: per(row!.fpi, 1024), totalKb: per(row!.combined, 1024) };
    } catch {
      return null;
    }
  };
}

let available: Promise<boolean> | undefined;

async function flushedPosition(owner: postgres.Sql): Promise<string | null> {
  available ??= owner`create extension if not exists pg_walinspect`.then(
    () => true,
    () => false,
  );
  if (!(await available)) return null;
  // The flushed end, not the insert position: PostgreSQL 15 refuses to read past it, and every
  // committed transaction's records are flushed by its commit.
  const [row] = await owner<{ lsn: string }[]>`select pg_current_wal_flush_lsn()::text as lsn`;
  return row!.lsn;
}
