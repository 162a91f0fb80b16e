/** The PostgreSQL error code and constraint behind a failed query (drizzle wraps the driver's error). */
export function databaseError(error: unknown): { code?: string; constraint?: string } {
  const inner = (error as { cause?: unknown })?.cause ?? error;
  const { code, constraint_name: constraint } = (inner ?? {}) as { code?: string; constraint_name?: string };
  return { code, constraint };
}
