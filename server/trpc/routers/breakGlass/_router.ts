import { protectedProcedure, router } from "@/server/trpc/init";
import { grantIdInput, markReviewedInput, requestGrantInput, reviewListInput } from "./breakGlass.schema";
import { endGrantHandler } from "./end.handler";
import { myGrantsHandler } from "./mine.handler";
import { requestGrantHandler } from "./request.handler";
import { markReviewedHandler, reviewListHandler } from "./review.handler";

/** Breaking the glass on protected records, and supervisors' review of it. */
export const breakGlassRouter = router({
  request: protectedProcedure.input(requestGrantInput).mutation(requestGrantHandler),
  end: protectedProcedure.input(grantIdInput).mutation(endGrantHandler),
  mine: protectedProcedure.query(myGrantsHandler),
  reviewList: protectedProcedure.input(reviewListInput).query(reviewListHandler),
  markReviewed: protectedProcedure.input(markReviewedInput).mutation(markReviewedHandler),
});
