ALTER TABLE "tracked_entity" ADD COLUMN "erased_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tracked_entity" ADD COLUMN "erased_by" uuid;--> statement-breakpoint
ALTER TABLE "tracked_entity" ADD COLUMN "erasure_ground" text;--> statement-breakpoint
-- Hand-written: the runtime role records an erasure (the scope policies still decide whose).
GRANT UPDATE (erased_at, erased_by, erasure_ground) ON tracked_entity TO canopy_app;
--> statement-breakpoint
UPDATE role SET permissions = (SELECT array_agg(DISTINCT p ORDER BY p) FROM unnest(permissions || ARRAY['erase:trackedEntity']) p)
 WHERE system AND key = 'tenant_admin';
