CREATE TYPE "public"."consent_kind" AS ENUM('image', 'marketing');--> statement-breakpoint
CREATE TYPE "public"."consent_source" AS ENUM('paper', 'portal', 'email', 'phone', 'other');--> statement-breakpoint
CREATE TABLE "person_consents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"student_id" uuid,
	"parent_id" uuid,
	"kind" "consent_kind" NOT NULL,
	"granted" boolean NOT NULL,
	"given_on" date NOT NULL,
	"source" "consent_source" NOT NULL,
	"note" text,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "person_consents_one_person" CHECK (("person_consents"."student_id" is null) <> ("person_consents"."parent_id" is null)),
	CONSTRAINT "person_consents_note_length" CHECK ("person_consents"."note" is null or length("person_consents"."note") <= 500)
);
--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "audit_ip_retention_days" integer DEFAULT 365 NOT NULL;--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "outbox_body_retention_days" integer DEFAULT 90 NOT NULL;--> statement-breakpoint
ALTER TABLE "students" ADD COLUMN "anonymised_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tutors" ADD COLUMN "anonymised_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "parents" ADD COLUMN "anonymised_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "buyer_retained_until" date;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "buyer_purged_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "person_consents" ADD CONSTRAINT "person_consents_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_consents" ADD CONSTRAINT "person_consents_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_consents" ADD CONSTRAINT "person_consents_student_fk" FOREIGN KEY ("school_id","student_id") REFERENCES "public"."students"("school_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_consents" ADD CONSTRAINT "person_consents_parent_fk" FOREIGN KEY ("school_id","parent_id") REFERENCES "public"."parents"("school_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "person_consents_student_idx" ON "person_consents" USING btree ("student_id","kind","created_at");--> statement-breakpoint
CREATE INDEX "person_consents_parent_idx" ON "person_consents" USING btree ("parent_id","kind","created_at");--> statement-breakpoint
ALTER TABLE "schools" ADD CONSTRAINT "schools_audit_ip_retention_range" CHECK ("schools"."audit_ip_retention_days" between 30 and 3650);--> statement-breakpoint
ALTER TABLE "schools" ADD CONSTRAINT "schools_outbox_body_retention_range" CHECK ("schools"."outbox_body_retention_days" between 7 and 3650);--> statement-breakpoint
-- Hand-written (Drizzle cannot express triggers); re-apply as is after renumbering.
-- The audit trail stays append-only, with one controlled exception for data protection: the
-- personal data inside an entry (before/after, IP address, browser) may be redacted when an
-- erasure (GDPR art. 17) or the retention job asks for it. Such a transaction must first run
--   select set_config('tutorhub.audit_redact', 'on', true)   -- i.e. SET LOCAL: this transaction only
-- and may then change only those four columns. Who acted, what, on which entity and when can
-- never change, and DELETE and TRUNCATE are always rejected. The same function serves the
-- existing triggers of migration 0001 (BEFORE UPDATE OR DELETE per row, BEFORE TRUNCATE).
CREATE OR REPLACE FUNCTION audit_log_reject_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE'
     AND coalesce(current_setting('tutorhub.audit_redact', true), '') = 'on'
     AND NEW.id = OLD.id
     AND NEW.school_id IS NOT DISTINCT FROM OLD.school_id
     AND NEW.actor_user_id IS NOT DISTINCT FROM OLD.actor_user_id
     AND NEW.actor_role IS NOT DISTINCT FROM OLD.actor_role
     AND NEW.actor_system IS NOT DISTINCT FROM OLD.actor_system
     AND NEW.action = OLD.action
     AND NEW.entity_type = OLD.entity_type
     AND NEW.entity_id IS NOT DISTINCT FROM OLD.entity_id
     AND NEW.created_at = OLD.created_at
  THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only (% rejected)', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
