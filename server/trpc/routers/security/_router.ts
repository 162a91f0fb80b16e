import { protectedProcedure, router } from "@/server/trpc/init";
import { attemptsHandler } from "./attempts.handler";
import { attemptsInput, flagsInput } from "./attempts.schema";
import { flagsHandler } from "./flags.handler";

/** The tenant admin's view of sign-in activity. */
export const securityRouter = router({
  attempts: protectedProcedure.input(attemptsInput).query(attemptsHandler),
  flags: protectedProcedure.input(flagsInput).query(flagsHandler),
});
