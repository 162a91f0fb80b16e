import { protectedProcedure, router } from "@/server/trpc/init";
import { listNotificationsHandler } from "./list.handler";
import { markReadHandler } from "./markRead.handler";
import { markReadInput } from "./markRead.schema";

export const notificationRouter = router({
  list: protectedProcedure.query(listNotificationsHandler),
  markRead: protectedProcedure.input(markReadInput).mutation(markReadHandler),
});
