/**
 * The three runtime login roles (db/migrations/0000, 0040 and 0043). Every request runs as one of
 * them, under row-level security; none owns anything or can bypass it.
 *
 * - `canopy_app` serves every request by default.
 * - `canopy_app_wide` serves callers who read every record. It carries the same privileges and
 *   policies except that people, their values, ownerships, enrolments and events are read under
 *   the one rule "the caller reads every record", so its statements are planned without the
 *   scope checks that such a caller never needs (and PostgreSQL would otherwise set up on every
 *   execution).
 * - `canopy_app_local` serves callers whose capture and search scopes are small enough to be bound
 *   as unit sets (most facility staff). The same again, except that people and ownerships are read
 *   by those sets alone, so its statements are planned without the owner-path lookups and
 *   per-row search checks a wide scope needs.
 */
export const RUNTIME_ROLE = "canopy_app";
export const WIDE_RUNTIME_ROLE = "canopy_app_wide";
export const LOCAL_RUNTIME_ROLE = "canopy_app_local";
/** Policies that hold for every runtime role. */
export const RUNTIME_ROLES = [RUNTIME_ROLE, WIDE_RUNTIME_ROLE, LOCAL_RUNTIME_ROLE];
/** Record reads the wide role replaces with its one rule; the local role shares these. */
export const SCOPED_READ_ROLES = [RUNTIME_ROLE, LOCAL_RUNTIME_ROLE];
