import { protectedProcedure, router } from "@/server/trpc/init";
import { createUserHandler } from "./create.handler";
import { createUserInput } from "./create.schema";
import { listUsersHandler } from "./list.handler";
import { listUsersInput } from "./list.schema";
import { resetPasswordHandler } from "./resetPassword.handler";
import { resetTwoFactorHandler } from "./resetTwoFactor.handler";
import { setStatusHandler } from "./setStatus.handler";
import { setStatusInput } from "./setStatus.schema";
import { setRolesInput } from "../role/role.schema";
import { setScopesHandler, userScopesHandler } from "./scopes.handler";
import { setRolesHandler } from "./setRoles.handler";
import { setScopesInput } from "./scopes.schema";
import { updateUserHandler } from "./update.handler";
import { updateUserInput } from "./update.schema";
import { userIdInput } from "./user-id.schema";

/** Administration of the tenant's user accounts. */
export const userRouter = router({
  list: protectedProcedure.input(listUsersInput).query(listUsersHandler),
  create: protectedProcedure.input(createUserInput).mutation(createUserHandler),
  update: protectedProcedure.input(updateUserInput).mutation(updateUserHandler),
  setStatus: protectedProcedure.input(setStatusInput).mutation(setStatusHandler),
  resetPassword: protectedProcedure.input(userIdInput).mutation(resetPasswordHandler),
  resetTwoFactor: protectedProcedure.input(userIdInput).mutation(resetTwoFactorHandler),
  scopes: protectedProcedure.input(userIdInput).query(userScopesHandler),
  setScopes: protectedProcedure.input(setScopesInput).mutation(setScopesHandler),
  setRoles: protectedProcedure.input(setRolesInput).mutation(setRolesHandler),
});
