import type { ProtectedContext } from "@/server/trpc/init";

/** Who is signed in, and where. */
export function meHandler({ ctx }: { ctx: ProtectedContext }) {
  return {
    name: ctx.session.name,
    email: ctx.session.email,
    tenant: { slug: ctx.tenant.slug, name: ctx.tenant.name },
  };
}
