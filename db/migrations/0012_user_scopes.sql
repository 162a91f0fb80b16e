CREATE TYPE "public"."scope_kind" AS ENUM('capture', 'search', 'analytics');--> statement-breakpoint
CREATE TABLE "user_scope" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" "scope_kind" NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "user_scope_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "user_scope" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "user_scope" ADD CONSTRAINT "user_scope_tenant_id_user_id_user_account_tenant_id_id_fk" FOREIGN KEY ("tenant_id","user_id") REFERENCES "public"."user_account"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_scope" ADD CONSTRAINT "user_scope_tenant_id_org_unit_id_org_unit_tenant_id_id_fk" FOREIGN KEY ("tenant_id","org_unit_id") REFERENCES "public"."org_unit"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "user_scope_tenant_id_user_id_kind_org_unit_id_index" ON "user_scope" USING btree ("tenant_id","user_id","kind","org_unit_id");--> statement-breakpoint
CREATE INDEX "user_scope_tenant_id_org_unit_id_index" ON "user_scope" USING btree ("tenant_id","org_unit_id");--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "user_scope" AS PERMISSIVE FOR ALL TO public USING (tenant_id = (select app_current_tenant_id())) WITH CHECK (tenant_id = (select app_current_tenant_id()));