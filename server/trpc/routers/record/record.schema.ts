import { z } from "zod";

/**
 * Inputs of the record procedures. Attribute and data-element values arrive as a map of field id
 * to string; their rules come from metadata, so handlers check them with value-schema.ts.
 */
const id = (what: string) => z.uuid(`${what} must be an id`);
const values = z.record(z.uuid("field ids must be ids"), z.string().max(2000)).refine((v) => Object.keys(v).length <= 100, "Too many fields.");
const isoDate = z.iso.date("must be a date (YYYY-MM-DD)");
const reason = z.string().trim().min(10, "Please give a reason of at least 10 characters.").max(500, "Please keep the reason under 500 characters.");

export const personIdInput = z.object({ personId: id("personId") });
export type PersonIdInput = z.infer<typeof personIdInput>;

export const registerInput = z.object({
  trackedEntityTypeId: id("trackedEntityTypeId"),
  orgUnitId: id("orgUnitId"),
  attributes: values,
  /** Enrols the new person in a program at the registration unit, in the same transaction. */
  enrollment: z.object({ programId: id("programId"), enrolledOn: isoDate }).optional(),
});
export type RegisterInput = z.infer<typeof registerInput>;

export const updateAttributesInput = z.object({ personId: id("personId"), attributes: values });
export type UpdateAttributesInput = z.infer<typeof updateAttributesInput>;

export const searchInput = z.object({
  trackedEntityTypeId: id("trackedEntityTypeId"),
  /** Exact match for identifiers, phones, emails, dates and options; name prefix for text. */
  criteria: z
    .array(z.object({ attributeId: id("attributeId"), value: z.string().trim().min(1, "Enter a value to search for.").max(200) }))
    .min(1, "Enter at least one attribute to search by.")
    .max(6),
  cursor: z.string().max(600).nullish(),
  limit: z.number().int().min(1).max(50).default(25),
});
export type SearchInput = z.infer<typeof searchInput>;

export const enrollInput = z.object({
  personId: id("personId"),
  programId: id("programId"),
  orgUnitId: id("orgUnitId"),
  enrolledOn: isoDate,
});
export type EnrollInput = z.infer<typeof enrollInput>;

export const enrollmentIdInput = z.object({ enrollmentId: id("enrollmentId") });
export type EnrollmentIdInput = z.infer<typeof enrollmentIdInput>;

export const enrollmentStatusInput = z.object({ enrollmentId: id("enrollmentId"), status: z.enum(["active", "completed"]) });
export type EnrollmentStatusInput = z.infer<typeof enrollmentStatusInput>;

export const createEventInput = z.object({
  enrollmentId: id("enrollmentId"),
  stageId: id("stageId"),
  orgUnitId: id("orgUnitId"),
  occurredOn: isoDate,
  values,
});
export type CreateEventInput = z.infer<typeof createEventInput>;

export const updateEventInput = z.object({
  eventId: id("eventId"),
  orgUnitId: id("orgUnitId"),
  occurredOn: isoDate,
  values,
});
export type UpdateEventInput = z.infer<typeof updateEventInput>;

export const eventIdInput = z.object({ eventId: id("eventId") });
export type EventIdInput = z.infer<typeof eventIdInput>;

export const transferInput = z.object({
  personId: id("personId"),
  programId: id("programId"),
  toUnitId: id("toUnitId"),
  reason,
});
export type TransferInput = z.infer<typeof transferInput>;

export const accessLogInput = z.object({ personId: id("personId"), cursor: z.string().max(120).nullish() });
export type AccessLogInput = z.infer<typeof accessLogInput>;

export const breakGlassReason = reason;
