import { createCallerFactory, router } from "./init";
import { accountRouter } from "./routers/account/_router";
import { auditRouter } from "./routers/audit/_router";
import { breakGlassRouter } from "./routers/breakGlass/_router";
import { orgUnitRouter } from "./routers/orgUnit/_router";
import { privacyRouter } from "./routers/privacy/_router";
import { programRouter } from "./routers/program/_router";
import { recordRouter } from "./routers/record/_router";
import { retentionRouter } from "./routers/retention/_router";
import { notificationRouter } from "./routers/notification/_router";
import { roleRouter } from "./routers/role/_router";
import { securityRouter } from "./routers/security/_router";
import { sessionRouter } from "./routers/session/_router";
import { tenantSettingsRouter } from "./routers/tenantSettings/_router";
import { userRouter } from "./routers/user/_router";
import { viewerRouter } from "./routers/viewer/_router";

export const appRouter = router({
  account: accountRouter,
  viewer: viewerRouter,
  orgUnit: orgUnitRouter,
  notification: notificationRouter,
  role: roleRouter,
  security: securityRouter,
  session: sessionRouter,
  tenantSettings: tenantSettingsRouter,
  user: userRouter,
  program: programRouter,
  record: recordRouter,
  breakGlass: breakGlassRouter,
  privacy: privacyRouter,
  retention: retentionRouter,
  audit: auditRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
