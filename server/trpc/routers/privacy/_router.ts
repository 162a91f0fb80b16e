import { protectedProcedure, router } from "@/server/trpc/init";
import { erasePersonHandler } from "./erasePerson.handler";
import { exportPersonHandler } from "./exportPerson.handler";
import { erasePersonInput, exportPersonInput } from "./privacy.schema";

/** Data-protection operations on a person: subject access / portability, and erasure on request. */
export const privacyRouter = router({
  exportPerson: protectedProcedure.input(exportPersonInput).mutation(exportPersonHandler),
  erasePerson: protectedProcedure.input(erasePersonInput).mutation(erasePersonHandler),
});
