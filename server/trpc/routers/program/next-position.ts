import { sql, type SQL } from "drizzle-orm";

/** The position after the last of `rows` (a "table where …" fragment): new fields and stages go last. */
export const nextPosition = (rows: SQL) => sql<number>`(select coalesce(max(sort_order) + 1, 0) from ${rows})`;
