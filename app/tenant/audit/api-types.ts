import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/trpc/root";

/** One event as the Audit page receives it. */
export type AuditEvent = inferRouterOutputs<AppRouter>["audit"]["list"]["events"][number];
export type { AuditFilters } from "@/server/trpc/routers/audit/filters.schema";
