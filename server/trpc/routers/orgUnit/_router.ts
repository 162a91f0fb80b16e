import { protectedProcedure, router } from "@/server/trpc/init";
import { childrenHandler } from "./children.handler";
import { childrenInput } from "./children.schema";

export const orgUnitRouter = router({
  children: protectedProcedure.input(childrenInput).query(childrenHandler),
});
