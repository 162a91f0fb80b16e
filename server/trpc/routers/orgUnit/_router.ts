import { protectedProcedure, router } from "@/server/trpc/init";
import { childrenHandler } from "./children.handler";
import { childrenInput } from "./children.schema";
import { createGroupHandler, deleteGroupHandler, groupsHandler, levelsHandler, renameLevelHandler, setMembershipHandler } from "./groups.handler";
import { createGroupInput, groupIdInput, membershipInput, renameLevelInput } from "./groups.schema";
import { checkImportHandler, exportHandler, importBatchHandler } from "./import.handler";
import { checkImportInput, importBatchInput } from "./import.schema";
import { scopeRootsHandler } from "./scopeRoots.handler";
import { searchHandler } from "./search.handler";
import { searchInput } from "./search.schema";
import { createUnitHandler, deleteUnitHandler, getUnitHandler, moveUnitHandler, updateUnitHandler } from "./unit.handler";
import { createUnitInput, moveUnitInput, unitIdInput, updateUnitInput } from "./unit.schema";

export const orgUnitRouter = router({
  children: protectedProcedure.input(childrenInput).query(childrenHandler),
  search: protectedProcedure.input(searchInput).query(searchHandler),
  scopeRoots: protectedProcedure.query(scopeRootsHandler),
  get: protectedProcedure.input(unitIdInput).query(getUnitHandler),
  create: protectedProcedure.input(createUnitInput).mutation(createUnitHandler),
  update: protectedProcedure.input(updateUnitInput).mutation(updateUnitHandler),
  move: protectedProcedure.input(moveUnitInput).mutation(moveUnitHandler),
  delete: protectedProcedure.input(unitIdInput).mutation(deleteUnitHandler),
  levels: protectedProcedure.query(levelsHandler),
  renameLevel: protectedProcedure.input(renameLevelInput).mutation(renameLevelHandler),
  groups: protectedProcedure.query(groupsHandler),
  createGroup: protectedProcedure.input(createGroupInput).mutation(createGroupHandler),
  deleteGroup: protectedProcedure.input(groupIdInput).mutation(deleteGroupHandler),
  setMembership: protectedProcedure.input(membershipInput).mutation(setMembershipHandler),
  checkImport: protectedProcedure.input(checkImportInput).mutation(checkImportHandler),
  importBatch: protectedProcedure.input(importBatchInput).mutation(importBatchHandler),
  export: protectedProcedure.query(exportHandler),
});
