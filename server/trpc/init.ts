import { randomUUID } from "node:crypto";
import { initTRPC, TRPCError } from "@trpc/server";
import { ZodError } from "zod";
import { requestTransaction, type Transaction } from "@/db/client";
import { abilityFor, type AppAbility } from "@/server/access/ability";
import type { Action, Subject } from "@/server/access/permissions";
import { currentIdentity, type CurrentSession } from "@/server/auth/current-session";
import { log } from "@/server/log";
import { requestMeta, type RequestMeta } from "@/server/tenancy/current";
import type { Tenant } from "@/server/tenancy/tenant";

/**
 * The request context: who is asking and for which tenant. It holds no database handle; a
 * procedure gets `ctx.db` only inside the transaction its procedure opens (inTenantTransaction).
 */
export type Context = {
  tenant: Tenant | null;
  session: CurrentSession | null;
  meta: RequestMeta;
  requestId: string;
};

export async function createContext(): Promise<Context> {
  // Resolved once and handed on: React's cache() does not memoise inside a route handler. The
  // session was looked up in this tenant only: a cookie from elsewhere is no session here.
  const { tenant, session } = await currentIdentity();
  return {
    tenant,
    session,
    meta: await requestMeta(),
    requestId: randomUUID(),
  };
}

function describeZodError(error: ZodError): string {
  return error.issues.map((issue) => (issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message)).join("; ");
}

const t = initTRPC.context<Context>().create({
  // Responses carry a code and a clear message, never a stack, SQL or an internal message.
  errorFormatter({ shape, error }) {
    const zodError = error.cause instanceof ZodError ? error.cause : null;
    const message =
      error.code === "INTERNAL_SERVER_ERROR"
        ? "Something went wrong on our side. Please try again."
        : zodError
          ? describeZodError(zodError)
          : shape.message;
    return {
      code: shape.code,
      message,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        fieldErrors: zodError ? zodError.issues.map((issue) => ({ path: issue.path.map(String), message: issue.message })) : null,
      },
    };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Thrown inside the transaction to roll it back while handing tRPC its failed result. */
class RollbackWithResult {
  constructor(readonly result: unknown) {}
}

/**
 * One log line per procedure call with its request id, path, outcome and duration — never its
 * input (which can hold passwords or a person's data).
 */
const logged = t.middleware(async ({ ctx, path, type, next }) => {
  const started = performance.now();
  const result = await next();
  log.info(
    { requestId: ctx.requestId, tenant: ctx.tenant?.slug, path, type, outcome: result.ok ? "ok" : result.error.code, ms: Math.round(performance.now() - started) },
    "procedure",
  );
  return result;
});

const loggedProcedure = t.procedure.use(logged);

const requireTenant = t.middleware(({ ctx, next }) => {
  // An unknown host and a missing record read the same: not found.
  if (!ctx.tenant) throw new TRPCError({ code: "NOT_FOUND", message: "Not found." });
  return next({ ctx: { tenant: ctx.tenant } });
});

const requireSession = t.middleware(({ ctx, next }) => {
  if (!ctx.session) throw new TRPCError({ code: "UNAUTHORIZED", message: "Please sign in." });
  return next({ ctx: { session: ctx.session } });
});

const requireFinishedSignIn = t.middleware(({ ctx, next }) => {
  if (!ctx.session || ctx.session.stage !== "active") {
    throw new TRPCError({ code: "UNAUTHORIZED", message: ctx.session ? "Please finish signing in." : "Please sign in." });
  }
  return next({ ctx: { session: ctx.session } });
});

/**
 * One transaction per procedure on a runtime role (the wide one for callers who read every
 * record, db/runtime-pools.ts), bound to the tenant and user. tRPC's next()
 * reports a failed handler as { ok: false } instead of throwing, so that case rolls back too.
 * The CASL ability is built from the permissions the binding resolved; anyone still signing in has none.
 */
const inTenantTransaction = t.middleware(async ({ ctx, next }) => {
  const { tenant } = ctx;
  if (!tenant) throw new TRPCError({ code: "NOT_FOUND", message: "Not found." });
  const run = () =>
    requestTransaction()({ tenantId: tenant.id, userId: ctx.session?.userId }, async (db, bound) => {
      const permissions = ctx.session?.stage === "active" ? bound.permissions : [];
      const result = await next({ ctx: { tenant, db, ability: abilityFor(permissions), metadataVersion: bound.metadataVersion } });
      if (!result.ok) throw new RollbackWithResult(result);
      return result;
    });
  try {
    return await run();
  } catch (error) {
    if (error instanceof RollbackWithResult) return error.result as Awaited<ReturnType<typeof run>>;
    throw error;
  }
});

/** Tenant-bound and fully signed in: the default for everything that touches tenant data. */
export const protectedProcedure = loggedProcedure.use(requireTenant).use(requireFinishedSignIn).use(inTenantTransaction);
/**
 * Tenant-bound with a session at any sign-in stage: only for the steps that finish signing in
 * (second factor, required password change, required enrolment). Handlers check the stage.
 */
export const signInStepProcedure = loggedProcedure.use(requireTenant).use(requireSession).use(inTenantTransaction);

/** metadataVersion: the tenant's metadata version when the request was bound (server/records/metadata-cache.ts). */
export type TenantContext = Context & { tenant: Tenant; db: Transaction; ability: AppAbility; metadataVersion: number };
/** A session that may still be signing in (see session.stage). */
export type SignInStepContext = TenantContext & { session: CurrentSession };
/** The same shape; `protectedProcedure` has already checked that session.stage is "active". */
export type ProtectedContext = SignInStepContext;

/**
 * Refuses an action the caller's roles do not allow. (A *record* the caller may not see is
 * reported as not found by the query itself; this is about capabilities, so it says so.)
 */
export function ensureCan(ctx: { ability: AppAbility }, action: Action, subject: Subject): void {
  if (ctx.ability.cannot(action, subject)) {
    throw new TRPCError({ code: "FORBIDDEN", message: "Your roles do not allow this." });
  }
}
