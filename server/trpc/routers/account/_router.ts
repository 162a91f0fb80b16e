import { protectedProcedure, router, signInStepProcedure } from "@/server/trpc/init";
import { changePasswordHandler } from "./changePassword.handler";
import { changePasswordInput, checkPasswordInput } from "./changePassword.schema";
import { checkPasswordHandler } from "./checkPassword.handler";
import { codeInput } from "./code.schema";
import { confirmTwoFactorHandler } from "./confirmTwoFactor.handler";
import { changeEmailHandler, profileHandler, updateProfileHandler } from "./profile.handler";
import { changeEmailInput, updateProfileInput } from "./profile.schema";
import { startTwoFactorHandler } from "./startTwoFactor.handler";
import { twoFactorStatusHandler } from "./twoFactorStatus.handler";
import { verifySecondFactorHandler } from "./verifySecondFactor.handler";

/** The signed-in user's own account: profile, and sign-in security (second factor, enrolment, password). */
export const accountRouter = router({
  profile: protectedProcedure.query(profileHandler),
  updateProfile: protectedProcedure.input(updateProfileInput).mutation(updateProfileHandler),
  changeEmail: protectedProcedure.input(changeEmailInput).mutation(changeEmailHandler),
  verifySecondFactor: signInStepProcedure.input(codeInput).mutation(verifySecondFactorHandler),
  twoFactorStatus: signInStepProcedure.query(twoFactorStatusHandler),
  startTwoFactor: signInStepProcedure.mutation(startTwoFactorHandler),
  confirmTwoFactor: signInStepProcedure.input(codeInput).mutation(confirmTwoFactorHandler),
  changePassword: signInStepProcedure.input(changePasswordInput).mutation(changePasswordHandler),
  checkPassword: signInStepProcedure.input(checkPasswordInput).mutation(checkPasswordHandler),
});
