import { protectedProcedure, router } from "@/server/trpc/init";
import {
  idInput,
  saveAttributeInput,
  saveDataElementInput,
  saveProgramInput,
  saveStageInput,
  saveTypeInput,
  setOrgUnitsInput,
} from "./program.schema";
import { getProgramHandler, listProgramsHandler, saveProgramHandler, setOrgUnitsHandler } from "./programs.handler";
import { saveDataElementHandler, saveStageHandler } from "./stages.handler";
import { listTypesHandler, saveAttributeHandler, saveTypeHandler } from "./types.handler";

/** Metadata: tracked-entity types and attributes, programs, their units, stages and data elements. */
export const programRouter = router({
  types: protectedProcedure.query(listTypesHandler),
  saveType: protectedProcedure.input(saveTypeInput).mutation(saveTypeHandler),
  saveAttribute: protectedProcedure.input(saveAttributeInput).mutation(saveAttributeHandler),
  list: protectedProcedure.query(listProgramsHandler),
  get: protectedProcedure.input(idInput).query(getProgramHandler),
  save: protectedProcedure.input(saveProgramInput).mutation(saveProgramHandler),
  setOrgUnits: protectedProcedure.input(setOrgUnitsInput).mutation(setOrgUnitsHandler),
  saveStage: protectedProcedure.input(saveStageInput).mutation(saveStageHandler),
  saveDataElement: protectedProcedure.input(saveDataElementInput).mutation(saveDataElementHandler),
});
