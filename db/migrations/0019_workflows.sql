CREATE TABLE "email_unsubscribes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"email" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "job_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"job" text NOT NULL,
	"for_time" timestamp with time zone NOT NULL,
	"trigger" text NOT NULL,
	"triggered_by" uuid,
	"status" text DEFAULT 'running' NOT NULL,
	"counts" jsonb,
	"error" text,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "job_runs_finished" CHECK (("job_runs"."status" = 'running') = ("job_runs"."finished_at" is null))
);
--> statement-breakpoint
CREATE TABLE "notification_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"processed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "payment_reminder_days" integer DEFAULT 7 NOT NULL;--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "overdue_check_hour" integer DEFAULT 8 NOT NULL;--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "makeup_expiry_notice_days" integer DEFAULT 5 NOT NULL;--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "lesson_reminder_hours" integer DEFAULT 24 NOT NULL;--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "email_kinds_off" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "email_outbox" ADD COLUMN "dedupe_key" text;--> statement-breakpoint
ALTER TABLE "email_unsubscribes" ADD CONSTRAINT "email_unsubscribes_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_runs" ADD CONSTRAINT "job_runs_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_runs" ADD CONSTRAINT "job_runs_triggered_by_same_school_fk" FOREIGN KEY ("school_id","triggered_by") REFERENCES "public"."users"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_events" ADD CONSTRAINT "notification_events_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "email_unsubscribes_school_email_key" ON "email_unsubscribes" USING btree ("school_id",lower("email"));--> statement-breakpoint
CREATE INDEX "job_runs_school_job_started_idx" ON "job_runs" USING btree ("school_id","job","started_at");--> statement-breakpoint
CREATE INDEX "notification_events_pending_idx" ON "notification_events" USING btree ("created_at") WHERE "notification_events"."processed_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "email_outbox_dedupe_key" ON "email_outbox" USING btree ("dedupe_key") WHERE "email_outbox"."dedupe_key" is not null;--> statement-breakpoint
ALTER TABLE "schools" ADD CONSTRAINT "schools_payment_reminder_days_range" CHECK ("schools"."payment_reminder_days" between 0 and 60);--> statement-breakpoint
ALTER TABLE "schools" ADD CONSTRAINT "schools_overdue_check_hour_range" CHECK ("schools"."overdue_check_hour" between 0 and 23);--> statement-breakpoint
ALTER TABLE "schools" ADD CONSTRAINT "schools_makeup_expiry_notice_range" CHECK ("schools"."makeup_expiry_notice_days" between 0 and 30);--> statement-breakpoint
ALTER TABLE "schools" ADD CONSTRAINT "schools_lesson_reminder_hours_range" CHECK ("schools"."lesson_reminder_hours" between 0 and 168);