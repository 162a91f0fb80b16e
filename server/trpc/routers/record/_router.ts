import { protectedProcedure, router } from "@/server/trpc/init";
import { accessLogHandler } from "./accessLog.handler";
import { deleteEnrollmentHandler, enrollHandler, setEnrollmentStatusHandler } from "./enrollment.handler";
import { completeEventHandler, createEventHandler, deleteEventHandler, updateEventHandler } from "./event.handler";
import { getHandler } from "./get.handler";
import {
  accessLogInput,
  createEventInput,
  enrollInput,
  enrollmentIdInput,
  enrollmentStatusInput,
  eventIdInput,
  personIdInput,
  registerInput,
  searchInput,
  transferInput,
  updateAttributesInput,
  updateEventInput,
} from "./record.schema";
import { registerHandler } from "./register.handler";
import { searchHandler } from "./search.handler";
import { transferHandler } from "./transfer.handler";
import { updateAttributesHandler } from "./updateAttributes.handler";

/** People's records: register, find, read, change, enrol, record events, transfer. */
export const recordRouter = router({
  register: protectedProcedure.input(registerInput).mutation(registerHandler),
  search: protectedProcedure.input(searchInput).query(searchHandler),
  get: protectedProcedure.input(personIdInput).query(getHandler),
  updateAttributes: protectedProcedure.input(updateAttributesInput).mutation(updateAttributesHandler),
  enroll: protectedProcedure.input(enrollInput).mutation(enrollHandler),
  setEnrollmentStatus: protectedProcedure.input(enrollmentStatusInput).mutation(setEnrollmentStatusHandler),
  deleteEnrollment: protectedProcedure.input(enrollmentIdInput).mutation(deleteEnrollmentHandler),
  createEvent: protectedProcedure.input(createEventInput).mutation(createEventHandler),
  updateEvent: protectedProcedure.input(updateEventInput).mutation(updateEventHandler),
  completeEvent: protectedProcedure.input(eventIdInput).mutation(completeEventHandler),
  deleteEvent: protectedProcedure.input(eventIdInput).mutation(deleteEventHandler),
  transfer: protectedProcedure.input(transferInput).mutation(transferHandler),
  accessLog: protectedProcedure.input(accessLogInput).query(accessLogHandler),
});
