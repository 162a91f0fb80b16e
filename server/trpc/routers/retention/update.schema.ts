import type { z } from "zod";
import { retentionSettingsInput } from "@/server/jobs/retention-settings";

/** The retention form; its rules are the stored settings' own (server/jobs/retention-settings.ts). */
export const updateRetentionInput = retentionSettingsInput;
export type UpdateRetentionInput = z.infer<typeof updateRetentionInput>;
