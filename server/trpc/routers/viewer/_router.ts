import { protectedProcedure, router } from "@/server/trpc/init";
import { meHandler } from "./me.handler";

export const viewerRouter = router({
  me: protectedProcedure.query(meHandler),
});
