CREATE TYPE "public"."session_stage" AS ENUM('active', 'mfa_required', 'password_change_required', 'mfa_enrolment_required');--> statement-breakpoint
ALTER TYPE "public"."throttle_subject" ADD VALUE 'second_factor';--> statement-breakpoint
CREATE TABLE "password_history" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"password_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "password_history_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "password_history" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "recovery_code" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"code_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"used_at" timestamp with time zone,
	CONSTRAINT "recovery_code_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "recovery_code" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "user_account" ADD COLUMN "phone" text;--> statement-breakpoint
ALTER TABLE "user_account" ADD COLUMN "password_must_change" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "user_account" ADD COLUMN "password_changed_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "user_account" ADD COLUMN "totp_secret_sealed" text;--> statement-breakpoint
ALTER TABLE "user_account" ADD COLUMN "totp_pending_secret_sealed" text;--> statement-breakpoint
ALTER TABLE "user_account" ADD COLUMN "totp_enabled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "user_account" ADD COLUMN "totp_last_step" bigint;--> statement-breakpoint
ALTER TABLE "session" ADD COLUMN "stage" "session_stage" DEFAULT 'active' NOT NULL;--> statement-breakpoint
ALTER TABLE "password_history" ADD CONSTRAINT "password_history_tenant_id_user_id_user_account_tenant_id_id_fk" FOREIGN KEY ("tenant_id","user_id") REFERENCES "public"."user_account"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recovery_code" ADD CONSTRAINT "recovery_code_tenant_id_user_id_user_account_tenant_id_id_fk" FOREIGN KEY ("tenant_id","user_id") REFERENCES "public"."user_account"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "password_history_tenant_id_user_id_created_at_index" ON "password_history" USING btree ("tenant_id","user_id","created_at");--> statement-breakpoint
CREATE INDEX "recovery_code_tenant_id_user_id_index" ON "recovery_code" USING btree ("tenant_id","user_id");--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "password_history" AS PERMISSIVE FOR ALL TO public USING (tenant_id = (select app_current_tenant_id())) WITH CHECK (tenant_id = (select app_current_tenant_id()));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "recovery_code" AS PERMISSIVE FOR ALL TO public USING (tenant_id = (select app_current_tenant_id())) WITH CHECK (tenant_id = (select app_current_tenant_id()));