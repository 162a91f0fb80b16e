import { protectedProcedure, router } from "@/server/trpc/init";
import { getRecordsHandler, updateRecordsHandler } from "./records.handler";
import { updateRecordsInput } from "./records.schema";
import { getSecurityHandler, updateSecurityHandler } from "./security.handler";
import { updateSecurityInput } from "./security.schema";

export const tenantSettingsRouter = router({
  security: protectedProcedure.query(getSecurityHandler),
  updateSecurity: protectedProcedure.input(updateSecurityInput).mutation(updateSecurityHandler),
  records: protectedProcedure.query(getRecordsHandler),
  updateRecords: protectedProcedure.input(updateRecordsInput).mutation(updateRecordsHandler),
});
