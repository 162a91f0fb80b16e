import { z } from "zod";
import { breakGlassReason } from "../record/record.schema";

export const requestGrantInput = z.object({
  personId: z.uuid("personId must be an id"),
  programId: z.uuid("programId must be an id"),
  reason: breakGlassReason,
});
export type RequestGrantInput = z.infer<typeof requestGrantInput>;

export const grantIdInput = z.object({ grantId: z.uuid("grantId must be an id") });
export type GrantIdInput = z.infer<typeof grantIdInput>;

export const reviewListInput = z.object({
  status: z.enum(["pending", "reviewed", "all"]).default("pending"),
  cursor: z.string().max(120).nullish(),
});
export type ReviewListInput = z.infer<typeof reviewListInput>;

export const markReviewedInput = z.object({
  grantId: z.uuid("grantId must be an id"),
  comment: z.string().trim().max(1000, "Please keep the comment under 1000 characters.").optional(),
});
export type MarkReviewedInput = z.infer<typeof markReviewedInput>;
