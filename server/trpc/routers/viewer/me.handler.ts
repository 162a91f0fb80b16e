import { packedRules } from "@/server/access/ability";
import type { ProtectedContext } from "@/server/trpc/init";

/** Who is signed in, where, and the packed CASL rules the browser uses to hide what cannot be done. */
export function meHandler({ ctx }: { ctx: ProtectedContext }) {
  return {
    name: ctx.session.name,
    email: ctx.session.email,
    tenant: { slug: ctx.tenant.slug, name: ctx.tenant.name },
    rules: packedRules(ctx.ability),
  };
}
