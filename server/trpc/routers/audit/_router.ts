import { protectedProcedure, router } from "@/server/trpc/init";
import { actionsHandler } from "./actions.handler";
import { exportHandler } from "./export.handler";
import { exportInput } from "./export.schema";
import { listHandler } from "./list.handler";
import { listInput } from "./list.schema";
import { verifyHandler } from "./verify.handler";

/**
 * The tenant's audit trail for tenant admins and auditors (read:auditLog): filtered pages,
 * exports and integrity checks. Nothing here changes the trail except the events it records.
 */
export const auditRouter = router({
  list: protectedProcedure.input(listInput).query(listHandler),
  actions: protectedProcedure.query(actionsHandler),
  export: protectedProcedure.input(exportInput).mutation(exportHandler),
  verify: protectedProcedure.mutation(verifyHandler),
});
