import { z } from "zod";

export const exportPersonInput = z.object({ personId: z.uuid("personId must be an id") });
export type ExportPersonInput = z.infer<typeof exportPersonInput>;

/** Lawful grounds for erasure a data-protection officer records (GDPR art. 17(1)). */
export const ERASURE_GROUNDS = [
  "no_longer_necessary",
  "consent_withdrawn",
  "objection",
  "unlawfully_processed",
  "legal_obligation",
  "child_consent",
] as const;

export const erasePersonInput = z.object({
  personId: z.uuid("personId must be an id"),
  ground: z.enum(ERASURE_GROUNDS, "Choose the legal ground for the erasure."),
  /** The request's reference or a note (no personal data). */
  note: z.string().trim().min(10, "Describe the request in at least 10 characters.").max(500),
});
export type ErasePersonInput = z.infer<typeof erasePersonInput>;
