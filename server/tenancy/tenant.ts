/** A tenant as a request knows it: found by its slug (server/auth/request-identity.ts), active. */
export type Tenant = { id: string; slug: string; name: string };
