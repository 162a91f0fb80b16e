import { protectedProcedure, router } from "@/server/trpc/init";
import { childrenHandler } from "./children.handler";
import { childrenInput } from "./children.schema";
import { searchHandler } from "./search.handler";
import { searchInput } from "./search.schema";

export const orgUnitRouter = router({
  children: protectedProcedure.input(childrenInput).query(childrenHandler),
  search: protectedProcedure.input(searchInput).query(searchHandler),
});
