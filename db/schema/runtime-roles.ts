/**
 * The two runtime login roles (db/migrations/0000 and 0040). Every request runs as one of them,
 * under row-level security; neither owns anything or can bypass it.
 *
 * - `canopy_app` serves every request by default.
 * - `canopy_app_wide` serves callers who read every record. It carries the same privileges and
 *   policies except that people, their values, ownerships, enrolments and events are read under
 *   the one rule "the caller reads every record", so its statements are planned without the
 *   scope checks that such a caller never needs (and PostgreSQL would otherwise set up on every
 *   execution).
 */
export const RUNTIME_ROLE = "canopy_app";
export const WIDE_RUNTIME_ROLE = "canopy_app_wide";
/** Policies that hold for both runtime roles. */
export const RUNTIME_ROLES = [RUNTIME_ROLE, WIDE_RUNTIME_ROLE];
