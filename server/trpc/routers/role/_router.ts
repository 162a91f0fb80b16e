import { protectedProcedure, router } from "@/server/trpc/init";
import { createRoleHandler, deleteRoleHandler, listRolesHandler, updateRoleHandler } from "./role.handler";
import { roleFields, roleIdInput, updateRoleInput } from "./role.schema";

/** Roles and their permissions (the permission matrix). */
export const roleRouter = router({
  list: protectedProcedure.query(listRolesHandler),
  create: protectedProcedure.input(roleFields).mutation(createRoleHandler),
  update: protectedProcedure.input(updateRoleInput).mutation(updateRoleHandler),
  delete: protectedProcedure.input(roleIdInput).mutation(deleteRoleHandler),
});
