import type { z } from "zod";
import { auditSettings } from "@/server/audit/audit-settings";

/** The audit settings form; its rules are the stored settings' own (server/audit/audit-settings.ts). */
export const updateAuditInput = auditSettings.required();
export type UpdateAuditInput = z.infer<typeof updateAuditInput>;
