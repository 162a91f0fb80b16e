CREATE TYPE "public"."access_level" AS ENUM('open', 'audited', 'protected', 'closed');--> statement-breakpoint
CREATE TYPE "public"."value_type" AS ENUM('text', 'number', 'date', 'boolean', 'option_set', 'phone', 'email', 'identifier');--> statement-breakpoint
CREATE TYPE "public"."enrollment_status" AS ENUM('active', 'completed', 'cancelled');--> statement-breakpoint
CREATE TABLE "data_element" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"stage_id" uuid NOT NULL,
	"name" text NOT NULL,
	"value_type" "value_type" NOT NULL,
	"options" text[] DEFAULT '{}'::text[] NOT NULL,
	"min_value" numeric,
	"max_value" numeric,
	"mandatory" boolean DEFAULT false NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "data_element_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "data_element_name_not_blank" CHECK (length(btrim("data_element"."name")) > 0),
	CONSTRAINT "data_element_options" CHECK (("data_element"."value_type" = 'option_set') = (cardinality("data_element"."options") > 0)),
	CONSTRAINT "data_element_range" CHECK ("data_element"."min_value" is null or "data_element"."max_value" is null or "data_element"."min_value" <= "data_element"."max_value")
);
--> statement-breakpoint
ALTER TABLE "data_element" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "program" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"tracked_entity_type_id" uuid NOT NULL,
	"access_level" "access_level" DEFAULT 'open' NOT NULL,
	"break_glass_minutes" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "program_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "program_name_not_blank" CHECK (length(btrim("program"."name")) > 0),
	CONSTRAINT "program_break_glass_minutes" CHECK ("program"."break_glass_minutes" is null or "program"."break_glass_minutes" between 1 and 1440)
);
--> statement-breakpoint
ALTER TABLE "program" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "program_attribute" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"program_id" uuid NOT NULL,
	"attribute_id" uuid NOT NULL,
	"mandatory" boolean DEFAULT false NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "program_attribute_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "program_attribute" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "program_org_unit" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"program_id" uuid NOT NULL,
	"org_unit_id" uuid NOT NULL,
	CONSTRAINT "program_org_unit_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "program_org_unit" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "program_stage" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"program_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"repeatable" boolean DEFAULT false NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "program_stage_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "program_stage_name_not_blank" CHECK (length(btrim("program_stage"."name")) > 0)
);
--> statement-breakpoint
ALTER TABLE "program_stage" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "tracked_entity_attribute" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"tracked_entity_type_id" uuid NOT NULL,
	"name" text NOT NULL,
	"value_type" "value_type" NOT NULL,
	"options" text[] DEFAULT '{}'::text[] NOT NULL,
	"min_value" numeric,
	"max_value" numeric,
	"mandatory" boolean DEFAULT false NOT NULL,
	"unique" boolean DEFAULT false NOT NULL,
	"searchable" boolean DEFAULT false NOT NULL,
	"identifying" boolean DEFAULT false NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tracked_entity_attribute_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "tracked_entity_attribute_name_not_blank" CHECK (length(btrim("tracked_entity_attribute"."name")) > 0),
	CONSTRAINT "tracked_entity_attribute_options" CHECK (("tracked_entity_attribute"."value_type" = 'option_set') = (cardinality("tracked_entity_attribute"."options") > 0)),
	CONSTRAINT "tracked_entity_attribute_range" CHECK ("tracked_entity_attribute"."min_value" is null or "tracked_entity_attribute"."max_value" is null or "tracked_entity_attribute"."min_value" <= "tracked_entity_attribute"."max_value")
);
--> statement-breakpoint
ALTER TABLE "tracked_entity_attribute" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "tracked_entity_type" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tracked_entity_type_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "tracked_entity_type_name_not_blank" CHECK (length(btrim("tracked_entity_type"."name")) > 0)
);
--> statement-breakpoint
ALTER TABLE "tracked_entity_type" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "tracked_entity_attribute_value" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"tracked_entity_id" uuid NOT NULL,
	"attribute_id" uuid NOT NULL,
	"value" text NOT NULL,
	"search_value" text collate "C" DEFAULT '' NOT NULL,
	"unique_value" text collate "C",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tracked_entity_attribute_value_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "tracked_entity_attribute_value" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "enrollment" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"tracked_entity_id" uuid NOT NULL,
	"program_id" uuid NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"enrolled_on" date NOT NULL,
	"status" "enrollment_status" DEFAULT 'active' NOT NULL,
	"completed_at" timestamp with time zone,
	"deleted_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "enrollment_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "enrollment" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "event" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"enrollment_id" uuid NOT NULL,
	"tracked_entity_id" uuid NOT NULL,
	"program_id" uuid NOT NULL,
	"stage_id" uuid NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"occurred_on" date NOT NULL,
	"values" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" "enrollment_status" DEFAULT 'active' NOT NULL,
	"completed_at" timestamp with time zone,
	"deleted_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "event" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "ownership_change" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"tracked_entity_id" uuid NOT NULL,
	"program_id" uuid NOT NULL,
	"from_unit_id" uuid,
	"to_unit_id" uuid NOT NULL,
	"reason" text,
	"changed_by" uuid,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ownership_change_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "ownership_change" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "program_ownership" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"tracked_entity_id" uuid NOT NULL,
	"program_id" uuid NOT NULL,
	"owner_unit_id" uuid NOT NULL,
	"owner_path" "ltree" DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "program_ownership_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "program_ownership_pair" UNIQUE("tenant_id","tracked_entity_id","program_id")
);
--> statement-breakpoint
ALTER TABLE "program_ownership" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "tracked_entity" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"tracked_entity_type_id" uuid NOT NULL,
	"registration_unit_id" uuid NOT NULL,
	"registration_path" "ltree" DEFAULT '' NOT NULL,
	"ever_enrolled" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tracked_entity_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "tracked_entity" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "break_glass_grant" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"tracked_entity_id" uuid NOT NULL,
	"program_id" uuid NOT NULL,
	"owner_unit_id" uuid NOT NULL,
	"owner_path" "ltree" DEFAULT '' NOT NULL,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone,
	"reviewed_at" timestamp with time zone,
	"reviewed_by" uuid,
	"review_comment" text,
	CONSTRAINT "break_glass_grant_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "break_glass_grant" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "data_element" ADD CONSTRAINT "data_element_tenant_id_stage_id_program_stage_tenant_id_id_fk" FOREIGN KEY ("tenant_id","stage_id") REFERENCES "public"."program_stage"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program" ADD CONSTRAINT "program_tenant_id_tracked_entity_type_id_tracked_entity_type_tenant_id_id_fk" FOREIGN KEY ("tenant_id","tracked_entity_type_id") REFERENCES "public"."tracked_entity_type"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_attribute" ADD CONSTRAINT "program_attribute_tenant_id_program_id_program_tenant_id_id_fk" FOREIGN KEY ("tenant_id","program_id") REFERENCES "public"."program"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_attribute" ADD CONSTRAINT "program_attribute_tenant_id_attribute_id_tracked_entity_attribute_tenant_id_id_fk" FOREIGN KEY ("tenant_id","attribute_id") REFERENCES "public"."tracked_entity_attribute"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_org_unit" ADD CONSTRAINT "program_org_unit_tenant_id_program_id_program_tenant_id_id_fk" FOREIGN KEY ("tenant_id","program_id") REFERENCES "public"."program"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_org_unit" ADD CONSTRAINT "program_org_unit_tenant_id_org_unit_id_org_unit_tenant_id_id_fk" FOREIGN KEY ("tenant_id","org_unit_id") REFERENCES "public"."org_unit"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_stage" ADD CONSTRAINT "program_stage_tenant_id_program_id_program_tenant_id_id_fk" FOREIGN KEY ("tenant_id","program_id") REFERENCES "public"."program"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tracked_entity_attribute" ADD CONSTRAINT "tracked_entity_attribute_tenant_id_tracked_entity_type_id_tracked_entity_type_tenant_id_id_fk" FOREIGN KEY ("tenant_id","tracked_entity_type_id") REFERENCES "public"."tracked_entity_type"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tracked_entity_type" ADD CONSTRAINT "tracked_entity_type_tenant_id_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tracked_entity_attribute_value" ADD CONSTRAINT "tracked_entity_attribute_value_tenant_id_tracked_entity_id_tracked_entity_tenant_id_id_fk" FOREIGN KEY ("tenant_id","tracked_entity_id") REFERENCES "public"."tracked_entity"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tracked_entity_attribute_value" ADD CONSTRAINT "tracked_entity_attribute_value_tenant_id_attribute_id_tracked_entity_attribute_tenant_id_id_fk" FOREIGN KEY ("tenant_id","attribute_id") REFERENCES "public"."tracked_entity_attribute"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrollment" ADD CONSTRAINT "enrollment_tenant_id_tracked_entity_id_program_id_program_ownership_tenant_id_tracked_entity_id_program_id_fk" FOREIGN KEY ("tenant_id","tracked_entity_id","program_id") REFERENCES "public"."program_ownership"("tenant_id","tracked_entity_id","program_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrollment" ADD CONSTRAINT "enrollment_tenant_id_org_unit_id_org_unit_tenant_id_id_fk" FOREIGN KEY ("tenant_id","org_unit_id") REFERENCES "public"."org_unit"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrollment" ADD CONSTRAINT "enrollment_tenant_id_created_by_user_account_tenant_id_id_fk" FOREIGN KEY ("tenant_id","created_by") REFERENCES "public"."user_account"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event" ADD CONSTRAINT "event_tenant_id_enrollment_id_enrollment_tenant_id_id_fk" FOREIGN KEY ("tenant_id","enrollment_id") REFERENCES "public"."enrollment"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event" ADD CONSTRAINT "event_tenant_id_tracked_entity_id_program_id_program_ownership_tenant_id_tracked_entity_id_program_id_fk" FOREIGN KEY ("tenant_id","tracked_entity_id","program_id") REFERENCES "public"."program_ownership"("tenant_id","tracked_entity_id","program_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event" ADD CONSTRAINT "event_tenant_id_stage_id_program_stage_tenant_id_id_fk" FOREIGN KEY ("tenant_id","stage_id") REFERENCES "public"."program_stage"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event" ADD CONSTRAINT "event_tenant_id_org_unit_id_org_unit_tenant_id_id_fk" FOREIGN KEY ("tenant_id","org_unit_id") REFERENCES "public"."org_unit"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event" ADD CONSTRAINT "event_tenant_id_created_by_user_account_tenant_id_id_fk" FOREIGN KEY ("tenant_id","created_by") REFERENCES "public"."user_account"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ownership_change" ADD CONSTRAINT "ownership_change_tenant_id_tracked_entity_id_program_id_program_ownership_tenant_id_tracked_entity_id_program_id_fk" FOREIGN KEY ("tenant_id","tracked_entity_id","program_id") REFERENCES "public"."program_ownership"("tenant_id","tracked_entity_id","program_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ownership_change" ADD CONSTRAINT "ownership_change_tenant_id_from_unit_id_org_unit_tenant_id_id_fk" FOREIGN KEY ("tenant_id","from_unit_id") REFERENCES "public"."org_unit"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ownership_change" ADD CONSTRAINT "ownership_change_tenant_id_to_unit_id_org_unit_tenant_id_id_fk" FOREIGN KEY ("tenant_id","to_unit_id") REFERENCES "public"."org_unit"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ownership_change" ADD CONSTRAINT "ownership_change_tenant_id_changed_by_user_account_tenant_id_id_fk" FOREIGN KEY ("tenant_id","changed_by") REFERENCES "public"."user_account"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_ownership" ADD CONSTRAINT "program_ownership_tenant_id_tracked_entity_id_tracked_entity_tenant_id_id_fk" FOREIGN KEY ("tenant_id","tracked_entity_id") REFERENCES "public"."tracked_entity"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_ownership" ADD CONSTRAINT "program_ownership_tenant_id_program_id_program_tenant_id_id_fk" FOREIGN KEY ("tenant_id","program_id") REFERENCES "public"."program"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_ownership" ADD CONSTRAINT "program_ownership_tenant_id_owner_unit_id_org_unit_tenant_id_id_fk" FOREIGN KEY ("tenant_id","owner_unit_id") REFERENCES "public"."org_unit"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tracked_entity" ADD CONSTRAINT "tracked_entity_tenant_id_tracked_entity_type_id_tracked_entity_type_tenant_id_id_fk" FOREIGN KEY ("tenant_id","tracked_entity_type_id") REFERENCES "public"."tracked_entity_type"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tracked_entity" ADD CONSTRAINT "tracked_entity_tenant_id_registration_unit_id_org_unit_tenant_id_id_fk" FOREIGN KEY ("tenant_id","registration_unit_id") REFERENCES "public"."org_unit"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tracked_entity" ADD CONSTRAINT "tracked_entity_tenant_id_created_by_user_account_tenant_id_id_fk" FOREIGN KEY ("tenant_id","created_by") REFERENCES "public"."user_account"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "break_glass_grant" ADD CONSTRAINT "break_glass_grant_tenant_id_user_id_user_account_tenant_id_id_fk" FOREIGN KEY ("tenant_id","user_id") REFERENCES "public"."user_account"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "break_glass_grant" ADD CONSTRAINT "break_glass_grant_tenant_id_tracked_entity_id_tracked_entity_tenant_id_id_fk" FOREIGN KEY ("tenant_id","tracked_entity_id") REFERENCES "public"."tracked_entity"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "break_glass_grant" ADD CONSTRAINT "break_glass_grant_tenant_id_program_id_program_tenant_id_id_fk" FOREIGN KEY ("tenant_id","program_id") REFERENCES "public"."program"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "break_glass_grant" ADD CONSTRAINT "break_glass_grant_tenant_id_owner_unit_id_org_unit_tenant_id_id_fk" FOREIGN KEY ("tenant_id","owner_unit_id") REFERENCES "public"."org_unit"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "break_glass_grant" ADD CONSTRAINT "break_glass_grant_tenant_id_reviewed_by_user_account_tenant_id_id_fk" FOREIGN KEY ("tenant_id","reviewed_by") REFERENCES "public"."user_account"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "data_element_tenant_id_stage_id_name_index" ON "data_element" USING btree ("tenant_id","stage_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "program_tenant_id_name_index" ON "program" USING btree ("tenant_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "program_attribute_tenant_id_program_id_attribute_id_index" ON "program_attribute" USING btree ("tenant_id","program_id","attribute_id");--> statement-breakpoint
CREATE UNIQUE INDEX "program_org_unit_tenant_id_program_id_org_unit_id_index" ON "program_org_unit" USING btree ("tenant_id","program_id","org_unit_id");--> statement-breakpoint
CREATE INDEX "program_org_unit_tenant_id_org_unit_id_index" ON "program_org_unit" USING btree ("tenant_id","org_unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "program_stage_tenant_id_program_id_name_index" ON "program_stage" USING btree ("tenant_id","program_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "tracked_entity_attribute_tenant_id_tracked_entity_type_id_name_index" ON "tracked_entity_attribute" USING btree ("tenant_id","tracked_entity_type_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "tracked_entity_type_tenant_id_name_index" ON "tracked_entity_type" USING btree ("tenant_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "tracked_entity_attribute_value_tenant_id_tracked_entity_id_attribute_id_index" ON "tracked_entity_attribute_value" USING btree ("tenant_id","tracked_entity_id","attribute_id");--> statement-breakpoint
CREATE UNIQUE INDEX "attribute_value_unique_per_tenant" ON "tracked_entity_attribute_value" USING btree ("tenant_id","attribute_id","unique_value") WHERE unique_value is not null;--> statement-breakpoint
CREATE INDEX "attribute_value_search" ON "tracked_entity_attribute_value" USING btree ("tenant_id","attribute_id","search_value");--> statement-breakpoint
CREATE INDEX "enrollment_tenant_id_tracked_entity_id_program_id_index" ON "enrollment" USING btree ("tenant_id","tracked_entity_id","program_id");--> statement-breakpoint
CREATE INDEX "enrollment_tenant_id_program_id_org_unit_id_index" ON "enrollment" USING btree ("tenant_id","program_id","org_unit_id");--> statement-breakpoint
CREATE INDEX "event_tenant_id_enrollment_id_occurred_on_index" ON "event" USING btree ("tenant_id","enrollment_id","occurred_on");--> statement-breakpoint
CREATE INDEX "event_tenant_id_tracked_entity_id_program_id_index" ON "event" USING btree ("tenant_id","tracked_entity_id","program_id");--> statement-breakpoint
CREATE INDEX "event_tenant_id_org_unit_id_occurred_on_index" ON "event" USING btree ("tenant_id","org_unit_id","occurred_on");--> statement-breakpoint
CREATE INDEX "ownership_change_tenant_id_tracked_entity_id_program_id_changed_at_index" ON "ownership_change" USING btree ("tenant_id","tracked_entity_id","program_id","changed_at");--> statement-breakpoint
CREATE INDEX "program_ownership_tenant_id_program_id_owner_unit_id_index" ON "program_ownership" USING btree ("tenant_id","program_id","owner_unit_id");--> statement-breakpoint
CREATE INDEX "program_ownership_owner_path_gist" ON "program_ownership" USING gist ("owner_path");--> statement-breakpoint
CREATE INDEX "tracked_entity_registration_path_gist" ON "tracked_entity" USING gist ("registration_path");--> statement-breakpoint
CREATE INDEX "tracked_entity_tenant_id_registration_unit_id_index" ON "tracked_entity" USING btree ("tenant_id","registration_unit_id");--> statement-breakpoint
CREATE INDEX "break_glass_grant_tenant_id_user_id_tracked_entity_id_program_id_expires_at_index" ON "break_glass_grant" USING btree ("tenant_id","user_id","tracked_entity_id","program_id","expires_at");--> statement-breakpoint
CREATE INDEX "break_glass_grant_tenant_id_created_at_index" ON "break_glass_grant" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE INDEX "break_glass_grant_owner_path_gist" ON "break_glass_grant" USING gist ("owner_path");--> statement-breakpoint
CREATE INDEX "audit_subject" ON "audit_event" USING btree ("tenant_id","subject_type","subject_id","occurred_at");--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "data_element" AS PERMISSIVE FOR ALL TO public USING (tenant_id = (select app_current_tenant_id())) WITH CHECK (tenant_id = (select app_current_tenant_id()));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "program" AS PERMISSIVE FOR ALL TO public USING (tenant_id = (select app_current_tenant_id())) WITH CHECK (tenant_id = (select app_current_tenant_id()));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "program_attribute" AS PERMISSIVE FOR ALL TO public USING (tenant_id = (select app_current_tenant_id())) WITH CHECK (tenant_id = (select app_current_tenant_id()));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "program_org_unit" AS PERMISSIVE FOR ALL TO public USING (tenant_id = (select app_current_tenant_id())) WITH CHECK (tenant_id = (select app_current_tenant_id()));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "program_stage" AS PERMISSIVE FOR ALL TO public USING (tenant_id = (select app_current_tenant_id())) WITH CHECK (tenant_id = (select app_current_tenant_id()));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "tracked_entity_attribute" AS PERMISSIVE FOR ALL TO public USING (tenant_id = (select app_current_tenant_id())) WITH CHECK (tenant_id = (select app_current_tenant_id()));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "tracked_entity_type" AS PERMISSIVE FOR ALL TO public USING (tenant_id = (select app_current_tenant_id())) WITH CHECK (tenant_id = (select app_current_tenant_id()));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "tracked_entity_attribute_value" AS PERMISSIVE FOR ALL TO public USING (tenant_id = (select app_current_tenant_id())) WITH CHECK (tenant_id = (select app_current_tenant_id()));--> statement-breakpoint
CREATE POLICY "attribute_value_scope_read" ON "tracked_entity_attribute_value" AS RESTRICTIVE FOR SELECT TO "canopy_app" USING (exists (select 1 from tracked_entity p
                         where p.tenant_id = tracked_entity_attribute_value.tenant_id
                           and p.id = tracked_entity_attribute_value.tracked_entity_id));--> statement-breakpoint
CREATE POLICY "attribute_value_scope_insert" ON "tracked_entity_attribute_value" AS RESTRICTIVE FOR INSERT TO "canopy_app" WITH CHECK (app_person_writable(tenant_id, tracked_entity_id));--> statement-breakpoint
CREATE POLICY "attribute_value_scope_update" ON "tracked_entity_attribute_value" AS RESTRICTIVE FOR UPDATE TO "canopy_app" USING (app_person_writable(tenant_id, tracked_entity_id)) WITH CHECK (app_person_writable(tenant_id, tracked_entity_id));--> statement-breakpoint
CREATE POLICY "attribute_value_scope_delete" ON "tracked_entity_attribute_value" AS RESTRICTIVE FOR DELETE TO "canopy_app" USING (app_person_writable(tenant_id, tracked_entity_id));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "enrollment" AS PERMISSIVE FOR ALL TO public USING (tenant_id = (select app_current_tenant_id())) WITH CHECK (tenant_id = (select app_current_tenant_id()));--> statement-breakpoint
CREATE POLICY "enrollment_scope_read" ON "enrollment" AS RESTRICTIVE FOR SELECT TO "canopy_app" USING (exists (select 1 from program_ownership o
                         where o.tenant_id = enrollment.tenant_id
                           and o.tracked_entity_id = enrollment.tracked_entity_id
                           and o.program_id = enrollment.program_id));--> statement-breakpoint
CREATE POLICY "enrollment_scope_insert" ON "enrollment" AS RESTRICTIVE FOR INSERT TO "canopy_app" WITH CHECK (app_pair_writable(tenant_id, tracked_entity_id, program_id)
        and ((select app_has_permission('accessAllRecords:trackedEntity')) or app_unit_in_capture(tenant_id, org_unit_id)) and ((select app_has_permission('accessAllRecords:trackedEntity')) or app_unit_accepts_data(tenant_id, org_unit_id)));--> statement-breakpoint
CREATE POLICY "enrollment_scope_update" ON "enrollment" AS RESTRICTIVE FOR UPDATE TO "canopy_app" USING (app_pair_writable(tenant_id, tracked_entity_id, program_id)) WITH CHECK (app_pair_writable(tenant_id, tracked_entity_id, program_id) and (deleted_at is null or (select app_has_permission('accessAllRecords:trackedEntity')) or app_unit_in_capture(tenant_id, org_unit_id)));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "event" AS PERMISSIVE FOR ALL TO public USING (tenant_id = (select app_current_tenant_id())) WITH CHECK (tenant_id = (select app_current_tenant_id()));--> statement-breakpoint
CREATE POLICY "event_scope_read" ON "event" AS RESTRICTIVE FOR SELECT TO "canopy_app" USING (exists (select 1 from program_ownership o
                         where o.tenant_id = event.tenant_id
                           and o.tracked_entity_id = event.tracked_entity_id
                           and o.program_id = event.program_id));--> statement-breakpoint
CREATE POLICY "event_scope_insert" ON "event" AS RESTRICTIVE FOR INSERT TO "canopy_app" WITH CHECK (app_pair_writable(tenant_id, tracked_entity_id, program_id)
        and ((select app_has_permission('accessAllRecords:trackedEntity')) or app_unit_in_capture(tenant_id, org_unit_id)) and ((select app_has_permission('accessAllRecords:trackedEntity')) or app_unit_accepts_data(tenant_id, org_unit_id)));--> statement-breakpoint
CREATE POLICY "event_scope_update" ON "event" AS RESTRICTIVE FOR UPDATE TO "canopy_app" USING (app_pair_writable(tenant_id, tracked_entity_id, program_id)) WITH CHECK (app_pair_writable(tenant_id, tracked_entity_id, program_id) and (deleted_at is null or (select app_has_permission('accessAllRecords:trackedEntity')) or app_unit_in_capture(tenant_id, org_unit_id)));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "ownership_change" AS PERMISSIVE FOR ALL TO public USING (tenant_id = (select app_current_tenant_id())) WITH CHECK (tenant_id = (select app_current_tenant_id()));--> statement-breakpoint
CREATE POLICY "ownership_change_scope_read" ON "ownership_change" AS RESTRICTIVE FOR SELECT TO "canopy_app" USING (exists (select 1 from program_ownership o
                         where o.tenant_id = ownership_change.tenant_id
                           and o.tracked_entity_id = ownership_change.tracked_entity_id
                           and o.program_id = ownership_change.program_id));--> statement-breakpoint
CREATE POLICY "ownership_change_scope_insert" ON "ownership_change" AS RESTRICTIVE FOR INSERT TO "canopy_app" WITH CHECK (changed_by = (select app_current_user_id())
        and ((select app_has_permission('accessAllRecords:trackedEntity'))
             or (from_unit_id is null and app_unit_accepts_data(tenant_id, to_unit_id)
                 and exists (select 1 from org_unit u where u.tenant_id = ownership_change.tenant_id
                             and u.id = ownership_change.to_unit_id and u.path <@ any((select app_scope_paths('capture'))::ltree[])))
             or (from_unit_id is not null and app_pair_writable(tenant_id, tracked_entity_id, program_id))));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "program_ownership" AS PERMISSIVE FOR ALL TO public USING (tenant_id = (select app_current_tenant_id())) WITH CHECK (tenant_id = (select app_current_tenant_id()));--> statement-breakpoint
CREATE POLICY "program_ownership_scope_read" ON "program_ownership" AS RESTRICTIVE FOR SELECT TO "canopy_app" USING ((select app_has_permission('accessAllRecords:trackedEntity'))
        or owner_path <@ any((select app_scope_paths('capture'))::ltree[])
        or (program_id = any((select app_program_ids('{open,audited}'))::uuid[]) and owner_path <@ any((select app_scope_paths('search'))::ltree[]))
        or (program_id = any((select app_program_ids('{protected}'))::uuid[]) and owner_path <@ any((select app_scope_paths('search'))::ltree[])
            and exists (select 1 from break_glass_grant g
                        where g.tenant_id = program_ownership.tenant_id
                          and g.user_id = (select app_current_user_id())
                          and g.tracked_entity_id = program_ownership.tracked_entity_id
                          and g.program_id = program_ownership.program_id
                          and g.ended_at is null
                          and g.expires_at > statement_timestamp())));--> statement-breakpoint
CREATE POLICY "program_ownership_scope_insert" ON "program_ownership" AS RESTRICTIVE FOR INSERT TO "canopy_app" WITH CHECK ((select app_has_permission('accessAllRecords:trackedEntity')) or (owner_path <@ any((select app_scope_paths('capture'))::ltree[]) and app_unit_accepts_data(tenant_id, owner_unit_id)));--> statement-breakpoint
CREATE POLICY "program_ownership_scope_update" ON "program_ownership" AS RESTRICTIVE FOR UPDATE TO "canopy_app" USING (app_pair_writable(tenant_id, tracked_entity_id, program_id)) WITH CHECK ((select app_has_permission('accessAllRecords:trackedEntity')) or owner_path <@ any((select app_scope_paths('search'))::ltree[]));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "tracked_entity" AS PERMISSIVE FOR ALL TO public USING (tenant_id = (select app_current_tenant_id())) WITH CHECK (tenant_id = (select app_current_tenant_id()));--> statement-breakpoint
CREATE POLICY "tracked_entity_scope_read" ON "tracked_entity" AS RESTRICTIVE FOR SELECT TO "canopy_app" USING ((select app_has_permission('accessAllRecords:trackedEntity'))
        or (not ever_enrolled and registration_path <@ any((select app_scope_paths('search'))::ltree[]))
        or exists (select 1 from program_ownership o
                   where o.tenant_id = tracked_entity.tenant_id and o.tracked_entity_id = tracked_entity.id));--> statement-breakpoint
CREATE POLICY "tracked_entity_scope_insert" ON "tracked_entity" AS RESTRICTIVE FOR INSERT TO "canopy_app" WITH CHECK ((select app_has_permission('accessAllRecords:trackedEntity')) or (registration_path <@ any((select app_scope_paths('capture'))::ltree[]) and app_unit_accepts_data(tenant_id, registration_unit_id)));--> statement-breakpoint
CREATE POLICY "tracked_entity_scope_update" ON "tracked_entity" AS RESTRICTIVE FOR UPDATE TO "canopy_app" USING (app_person_writable(tenant_id, id)) WITH CHECK (app_person_writable(tenant_id, id));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "break_glass_grant" AS PERMISSIVE FOR ALL TO public USING (tenant_id = (select app_current_tenant_id())) WITH CHECK (tenant_id = (select app_current_tenant_id()));--> statement-breakpoint
CREATE POLICY "break_glass_grant_scope_read" ON "break_glass_grant" AS RESTRICTIVE FOR SELECT TO "canopy_app" USING (user_id = (select app_current_user_id())
        or (select app_has_permission('accessAllRecords:trackedEntity'))
        or ((select app_has_permission('reviewBreakGlass:trackedEntity')) and owner_path <@ any((select app_scope_paths('capture'))::ltree[])));--> statement-breakpoint
CREATE POLICY "break_glass_grant_scope_insert" ON "break_glass_grant" AS RESTRICTIVE FOR INSERT TO "canopy_app" WITH CHECK (user_id = (select app_current_user_id())
        and (select app_has_permission('breakGlass:trackedEntity'))
        and not (select app_has_permission('accessAllRecords:trackedEntity'))
        and (app_break_glass_target(tracked_entity_id, program_id)).status = 'allowed'
        and length(btrim(reason)) >= 10);--> statement-breakpoint
CREATE POLICY "break_glass_grant_scope_update" ON "break_glass_grant" AS RESTRICTIVE FOR UPDATE TO "canopy_app" USING (user_id = (select app_current_user_id())
        or ((select app_has_permission('reviewBreakGlass:trackedEntity')) and owner_path <@ any((select app_scope_paths('capture'))::ltree[])));