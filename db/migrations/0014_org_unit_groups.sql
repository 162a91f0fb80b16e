CREATE TABLE "org_unit_group" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "org_unit_group_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "org_unit_group" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "org_unit_group_member" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"org_unit_id" uuid NOT NULL,
	CONSTRAINT "org_unit_group_member_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "org_unit_group_member" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "org_unit_group" ADD CONSTRAINT "org_unit_group_tenant_id_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_unit_group_member" ADD CONSTRAINT "org_unit_group_member_tenant_id_group_id_org_unit_group_tenant_id_id_fk" FOREIGN KEY ("tenant_id","group_id") REFERENCES "public"."org_unit_group"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_unit_group_member" ADD CONSTRAINT "org_unit_group_member_tenant_id_org_unit_id_org_unit_tenant_id_id_fk" FOREIGN KEY ("tenant_id","org_unit_id") REFERENCES "public"."org_unit"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "org_unit_group_tenant_id_name_index" ON "org_unit_group" USING btree ("tenant_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "org_unit_group_member_tenant_id_group_id_org_unit_id_index" ON "org_unit_group_member" USING btree ("tenant_id","group_id","org_unit_id");--> statement-breakpoint
CREATE INDEX "org_unit_group_member_tenant_id_org_unit_id_index" ON "org_unit_group_member" USING btree ("tenant_id","org_unit_id");--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "org_unit_group" AS PERMISSIVE FOR ALL TO public USING (tenant_id = (select app_current_tenant_id())) WITH CHECK (tenant_id = (select app_current_tenant_id()));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "org_unit_group_member" AS PERMISSIVE FOR ALL TO public USING (tenant_id = (select app_current_tenant_id())) WITH CHECK (tenant_id = (select app_current_tenant_id()));