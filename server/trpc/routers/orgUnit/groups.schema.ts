import { z } from "zod";

const name = z.string().trim().min(1, "Give it a name.").max(100, "Use at most 100 characters.");

export const renameLevelInput = z.object({ level: z.number().int().min(1).max(20), name });
export type RenameLevelInput = z.infer<typeof renameLevelInput>;

export const createGroupInput = z.object({ name });
export type CreateGroupInput = z.infer<typeof createGroupInput>;

export const groupIdInput = z.object({ groupId: z.uuid("groupId must be a group id") });
export type GroupIdInput = z.infer<typeof groupIdInput>;

export const membershipInput = z.object({
  groupId: z.uuid("groupId must be a group id"),
  orgUnitId: z.uuid("orgUnitId must be an organisation unit id"),
  member: z.boolean(),
});
export type MembershipInput = z.infer<typeof membershipInput>;
