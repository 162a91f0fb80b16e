import type { z } from "zod";
import { recordSettingsInput } from "@/server/records/record-settings";

/** The records settings form; its rules are the stored settings' own (server/records/record-settings.ts). */
export const updateRecordsInput = recordSettingsInput;
export type UpdateRecordsInput = z.infer<typeof updateRecordsInput>;
