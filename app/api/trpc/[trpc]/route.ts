import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { log } from "@/server/log";
import { createContext } from "@/server/trpc/init";
import { appRouter } from "@/server/trpc/root";
import { refusalOfWrite } from "@/server/trpc/same-origin";

function handler(req: Request) {
  const refusal = refusalOfWrite(req);
  if (refusal) return Response.json({ error: { message: refusal } }, { status: 403 });
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext,
    onError({ error, path, ctx }) {
      if (error.code !== "INTERNAL_SERVER_ERROR") return;
      // Name and codes only: a driver message can quote SQL and parameters.
      const cause = error.cause as { name?: string; code?: string; cause?: { code?: string } } | undefined;
      log.error(
        { requestId: ctx?.requestId, path, error: cause?.name, pgCode: cause?.code ?? cause?.cause?.code },
        "procedure failed",
      );
    },
  });
}

export { handler as GET, handler as POST };
