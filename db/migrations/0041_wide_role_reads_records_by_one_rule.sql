-- Hand-written (issue 7). 0040 gave the wide runtime role one read rule for people and
-- ownerships; attribute values, enrolments and events kept the scoped role's policies, whose
-- first two terms (the all-records permission, a capture scope over the whole tree) are exactly
-- app_reads_all_records() and decide for every caller the wide role serves. The rest — unit
-- sets, owner probes, grants, a person probe for each value — was still set up on every
-- execution, and for the large tables it sat in every row's filter of a national count. On the
-- wide role these three tables now read under the same one rule; on canopy_app nothing changes.
ALTER POLICY "attribute_value_scope_read" ON "tracked_entity_attribute_value" TO canopy_app;
--> statement-breakpoint
ALTER POLICY "enrollment_scope_read" ON "enrollment" TO canopy_app;
--> statement-breakpoint
ALTER POLICY "event_scope_read" ON "event" TO canopy_app;
--> statement-breakpoint
CREATE POLICY "attribute_value_whole_tree_read" ON "tracked_entity_attribute_value" AS RESTRICTIVE FOR SELECT TO "canopy_app_wide"
  USING ((select app_reads_all_records()));
--> statement-breakpoint
CREATE POLICY "enrollment_whole_tree_read" ON "enrollment" AS RESTRICTIVE FOR SELECT TO "canopy_app_wide"
  USING ((select app_reads_all_records()));
--> statement-breakpoint
CREATE POLICY "event_whole_tree_read" ON "event" AS RESTRICTIVE FOR SELECT TO "canopy_app_wide"
  USING ((select app_reads_all_records()));
