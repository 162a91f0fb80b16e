import { protectedProcedure, router } from "@/server/trpc/init";
import { endHandler } from "./end.handler";
import { endInput } from "./end.schema";
import { endOthersHandler } from "./endOthers.handler";
import { listHandler } from "./list.handler";

export const sessionRouter = router({
  list: protectedProcedure.query(listHandler),
  end: protectedProcedure.input(endInput).mutation(endHandler),
  endOthers: protectedProcedure.mutation(endOthersHandler),
});
