import { z } from "zod";

/**
 * What the Audit page narrows the trail by. Each filter has its own index (db/schema/audit.ts);
 * events-query.ts shapes the query so the planner can use it.
 */
export const auditFilters = z
  .object({
    actorUserId: z.uuid("The actor must be a user id.").optional(),
    /** An exact action ("record.updated"), or a family ending in a dot ("record.") for every action in it. */
    action: z.string().trim().min(1).max(100).optional(),
    subjectType: z.string().trim().min(1).max(64).optional(),
    subjectId: z.string().trim().min(1).max(200).optional(),
    personId: z.uuid("The person must be an id.").optional(),
    programId: z.uuid("The program must be an id.").optional(),
    orgUnitId: z.uuid("The organisation unit must be an id.").optional(),
    /** Events at or after this moment. */
    from: z.iso.datetime({ offset: true, error: "“From” must be a date and time." }).optional(),
    /** Events before this moment (not including it). */
    to: z.iso.datetime({ offset: true, error: "“To” must be a date and time." }).optional(),
    outcome: z.enum(["success", "failure"]).optional(),
  })
  // A subject id means something only within its type (and the index leads with the type).
  .refine((f) => !f.subjectId || f.subjectType, { message: "Choose the subject type for that subject id.", path: ["subjectType"] })
  .refine((f) => !f.from || !f.to || Date.parse(f.from) < Date.parse(f.to), { message: "“From” must be before “To”.", path: ["to"] });
export type AuditFilters = z.infer<typeof auditFilters>;
