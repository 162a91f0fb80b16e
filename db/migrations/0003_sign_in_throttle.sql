CREATE TYPE "public"."throttle_subject" AS ENUM('account', 'ip');--> statement-breakpoint
CREATE TABLE "sign_in_throttle" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"subject" "throttle_subject" NOT NULL,
	"key" text NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"lockouts" integer DEFAULT 0 NOT NULL,
	"last_failure_at" timestamp with time zone,
	"locked_until" timestamp with time zone,
	CONSTRAINT "sign_in_throttle_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "sign_in_throttle" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "sign_in_throttle" ADD CONSTRAINT "sign_in_throttle_tenant_id_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "sign_in_throttle_tenant_id_subject_key_index" ON "sign_in_throttle" USING btree ("tenant_id","subject","key");--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "sign_in_throttle" AS PERMISSIVE FOR ALL TO public USING (tenant_id = (select app_current_tenant_id())) WITH CHECK (tenant_id = (select app_current_tenant_id()));