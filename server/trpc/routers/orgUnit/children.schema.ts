import { z } from "zod";

export const childrenInput = z.object({
  /** null lists the roots of the tenant's tree. */
  parentId: z.uuid("parentId must be an organisation unit id").nullable(),
});

export type ChildrenInput = z.infer<typeof childrenInput>;
