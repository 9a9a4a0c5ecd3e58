CREATE TYPE "public"."cancellation_status" AS ENUM('pending', 'approved', 'rejected', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."makeup_credit_status" AS ENUM('open', 'used', 'expired');--> statement-breakpoint
CREATE TABLE "cancellation_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"lesson_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"requested_by" uuid NOT NULL,
	"reason" text NOT NULL,
	"status" "cancellation_status" DEFAULT 'pending' NOT NULL,
	"late" boolean NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cancellation_requests_school_id_id_key" UNIQUE("school_id","id"),
	CONSTRAINT "cancellation_requests_reason_length" CHECK (length("cancellation_requests"."reason") between 1 and 500),
	CONSTRAINT "cancellation_requests_note_length" CHECK ("cancellation_requests"."decision_note" is null or length("cancellation_requests"."decision_note") <= 500),
	CONSTRAINT "cancellation_requests_decided_consistent" CHECK (("cancellation_requests"."status" = 'pending') = ("cancellation_requests"."decided_at" is null))
);
--> statement-breakpoint
CREATE TABLE "makeup_credits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"source_lesson_id" uuid NOT NULL,
	"request_id" uuid,
	"status" "makeup_credit_status" DEFAULT 'open' NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_by_lesson_id" uuid,
	"used_at" timestamp with time zone,
	"expired_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "makeup_credits_request_key" UNIQUE("request_id"),
	CONSTRAINT "makeup_credits_used_consistent" CHECK (("makeup_credits"."status" = 'used') = ("makeup_credits"."used_by_lesson_id" is not null and "makeup_credits"."used_at" is not null)),
	CONSTRAINT "makeup_credits_expired_consistent" CHECK (("makeup_credits"."status" = 'expired') = ("makeup_credits"."expired_at" is not null))
);
--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "cancellation_notice_hours" integer DEFAULT 24 NOT NULL;--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "makeup_credit_days" integer DEFAULT 30 NOT NULL;--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "makeup_cap_per_term" integer;--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "late_cancellation_charged" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "cancellation_requests" ADD CONSTRAINT "cancellation_requests_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cancellation_requests" ADD CONSTRAINT "cancellation_requests_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cancellation_requests" ADD CONSTRAINT "cancellation_requests_lesson_fk" FOREIGN KEY ("school_id","lesson_id") REFERENCES "public"."lessons"("school_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cancellation_requests" ADD CONSTRAINT "cancellation_requests_student_fk" FOREIGN KEY ("school_id","student_id") REFERENCES "public"."students"("school_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cancellation_requests" ADD CONSTRAINT "cancellation_requests_requester_fk" FOREIGN KEY ("school_id","requested_by") REFERENCES "public"."users"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "makeup_credits" ADD CONSTRAINT "makeup_credits_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "makeup_credits" ADD CONSTRAINT "makeup_credits_student_fk" FOREIGN KEY ("school_id","student_id") REFERENCES "public"."students"("school_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "makeup_credits" ADD CONSTRAINT "makeup_credits_source_lesson_fk" FOREIGN KEY ("school_id","source_lesson_id") REFERENCES "public"."lessons"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "makeup_credits" ADD CONSTRAINT "makeup_credits_used_lesson_fk" FOREIGN KEY ("school_id","used_by_lesson_id") REFERENCES "public"."lessons"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "makeup_credits" ADD CONSTRAINT "makeup_credits_request_fk" FOREIGN KEY ("school_id","request_id") REFERENCES "public"."cancellation_requests"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "cancellation_requests_one_pending" ON "cancellation_requests" USING btree ("lesson_id","student_id") WHERE "cancellation_requests"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "cancellation_requests_school_status_idx" ON "cancellation_requests" USING btree ("school_id","status","created_at");--> statement-breakpoint
CREATE INDEX "cancellation_requests_student_idx" ON "cancellation_requests" USING btree ("student_id");--> statement-breakpoint
CREATE INDEX "cancellation_requests_lesson_idx" ON "cancellation_requests" USING btree ("lesson_id");--> statement-breakpoint
CREATE INDEX "makeup_credits_student_status_idx" ON "makeup_credits" USING btree ("student_id","status","expires_at");--> statement-breakpoint
CREATE INDEX "makeup_credits_open_expiry_idx" ON "makeup_credits" USING btree ("expires_at") WHERE "makeup_credits"."status" = 'open';--> statement-breakpoint
ALTER TABLE "schools" ADD CONSTRAINT "schools_cancellation_notice_range" CHECK ("schools"."cancellation_notice_hours" between 0 and 720);--> statement-breakpoint
ALTER TABLE "schools" ADD CONSTRAINT "schools_makeup_credit_days_range" CHECK ("schools"."makeup_credit_days" between 1 and 365);--> statement-breakpoint
ALTER TABLE "schools" ADD CONSTRAINT "schools_makeup_cap_range" CHECK ("schools"."makeup_cap_per_term" is null or "schools"."makeup_cap_per_term" between 0 and 100);