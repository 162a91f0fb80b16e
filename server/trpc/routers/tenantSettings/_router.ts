import { protectedProcedure, router } from "@/server/trpc/init";
import { getSecurityHandler, updateSecurityHandler } from "./security.handler";
import { updateSecurityInput } from "./security.schema";

export const tenantSettingsRouter = router({
  security: protectedProcedure.query(getSecurityHandler),
  updateSecurity: protectedProcedure.input(updateSecurityInput).mutation(updateSecurityHandler),
});
