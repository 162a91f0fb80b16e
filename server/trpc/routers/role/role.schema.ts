import { z } from "zod";
import { ALL_PERMISSION_KEYS } from "@/server/access/permissions";

const permissionKey = z.enum(ALL_PERMISSION_KEYS as [string, ...string[]], { message: "Unknown permission." });

export const roleFields = z.object({
  name: z.string().trim().min(1, "Give the role a name.").max(80, "Use at most 80 characters."),
  description: z.string().trim().max(300, "Use at most 300 characters.").default(""),
  permissions: z.array(permissionKey).max(ALL_PERMISSION_KEYS.length),
});
export type RoleFields = z.infer<typeof roleFields>;

export const updateRoleInput = roleFields.extend({ roleId: z.uuid("roleId must be a role id") });
export type UpdateRoleInput = z.infer<typeof updateRoleInput>;

export const roleIdInput = z.object({ roleId: z.uuid("roleId must be a role id") });
export type RoleIdInput = z.infer<typeof roleIdInput>;

export const setRolesInput = z.object({
  userId: z.uuid("userId must be a user id"),
  roleIds: z.array(z.uuid()).max(20),
});
export type SetRolesInput = z.infer<typeof setRolesInput>;
