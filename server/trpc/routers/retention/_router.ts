import { protectedProcedure, router } from "@/server/trpc/init";
import { applyRetentionHandler } from "./apply.handler";
import { applyRetentionInput } from "./apply.schema";
import { getRetentionHandler } from "./get.handler";
import { previewRetentionHandler } from "./preview.handler";
import { updateRetentionHandler } from "./update.handler";
import { updateRetentionInput } from "./update.schema";

/** Retention settings, the dry run and "Apply now" (the daily job is server/jobs/worker.ts). */
export const retentionRouter = router({
  get: protectedProcedure.query(getRetentionHandler),
  update: protectedProcedure.input(updateRetentionInput).mutation(updateRetentionHandler),
  preview: protectedProcedure.mutation(previewRetentionHandler),
  // Not `apply`: tRPC reserves it (its client proxies are functions).
  applyNow: protectedProcedure.input(applyRetentionInput).mutation(applyRetentionHandler),
});
