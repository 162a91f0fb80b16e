import { protectedProcedure, router } from "@/server/trpc/init";
import { getAuditHandler, updateAuditHandler } from "./audit.handler";
import { updateAuditInput } from "./audit.schema";
import { getRecordsHandler, updateRecordsHandler } from "./records.handler";
import { updateRecordsInput } from "./records.schema";
import { getSecurityHandler, updateSecurityHandler } from "./security.handler";
import { updateSecurityInput } from "./security.schema";

export const tenantSettingsRouter = router({
  security: protectedProcedure.query(getSecurityHandler),
  updateSecurity: protectedProcedure.input(updateSecurityInput).mutation(updateSecurityHandler),
  records: protectedProcedure.query(getRecordsHandler),
  updateRecords: protectedProcedure.input(updateRecordsInput).mutation(updateRecordsHandler),
  audit: protectedProcedure.query(getAuditHandler),
  updateAudit: protectedProcedure.input(updateAuditInput).mutation(updateAuditHandler),
});
