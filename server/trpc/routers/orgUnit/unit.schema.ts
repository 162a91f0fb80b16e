import { z } from "zod";

const isoDate = z.iso.date("Use a date like 2024-01-31.").nullable();

export const unitIdInput = z.object({ id: z.uuid("id must be an organisation unit id") });
export type UnitIdInput = z.infer<typeof unitIdInput>;

const unitFields = {
  name: z.string().trim().min(1, "Give the unit a name.").max(230, "Use at most 230 characters."),
  code: z.string().trim().max(50, "Use at most 50 characters.").nullable(),
  openingDate: isoDate,
  closedDate: isoDate,
};

const datesInOrder = (value: { openingDate: string | null; closedDate: string | null }) =>
  !value.openingDate || !value.closedDate || value.closedDate >= value.openingDate;
const datesMessage = { path: ["closedDate"], message: "The closed date cannot be before the opening date." };

export const createUnitInput = z.object({ parentId: z.uuid("Choose the parent unit."), ...unitFields }).refine(datesInOrder, datesMessage);
export type CreateUnitInput = z.infer<typeof createUnitInput>;

export const updateUnitInput = z.object({ id: z.uuid(), ...unitFields }).refine(datesInOrder, datesMessage);
export type UpdateUnitInput = z.infer<typeof updateUnitInput>;

export const moveUnitInput = z.object({ id: z.uuid(), newParentId: z.uuid("Choose the new parent unit.") });
export type MoveUnitInput = z.infer<typeof moveUnitInput>;
