CREATE TYPE "public"."invoice_kind" AS ENUM('invoice', 'correction');--> statement-breakpoint
CREATE TYPE "public"."invoice_line_kind" AS ENUM('lesson', 'late_cancellation', 'adjustment', 'discount');--> statement-breakpoint
CREATE TYPE "public"."invoice_status" AS ENUM('issued', 'partially_paid', 'paid', 'overdue');--> statement-breakpoint
CREATE TYPE "public"."payment_method" AS ENUM('transfer', 'cash', 'card');--> statement-breakpoint
CREATE TABLE "invoice_counters" (
	"school_id" uuid NOT NULL,
	"kind" "invoice_kind" NOT NULL,
	"year" integer NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "invoice_counters_school_id_kind_year_pk" PRIMARY KEY("school_id","kind","year")
);
--> statement-breakpoint
CREATE TABLE "invoice_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"invoice_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"kind" "invoice_line_kind" NOT NULL,
	"lesson_id" uuid,
	"student_id" uuid,
	"description" text NOT NULL,
	"service_date" date,
	"minutes" integer,
	"unit_net" integer NOT NULL,
	"net" integer NOT NULL,
	"facts" jsonb,
	CONSTRAINT "invoice_lines_position_key" UNIQUE("invoice_id","position"),
	CONSTRAINT "invoice_lines_lesson_shape" CHECK ("invoice_lines"."kind" = 'discount' or ("invoice_lines"."lesson_id" is not null and "invoice_lines"."student_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "invoices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"kind" "invoice_kind" DEFAULT 'invoice' NOT NULL,
	"number" text NOT NULL,
	"year" integer NOT NULL,
	"seq" integer NOT NULL,
	"corrects_invoice_id" uuid,
	"correction_reason" text,
	"payer_parent_id" uuid,
	"payer_student_id" uuid,
	"payer_key" uuid GENERATED ALWAYS AS (coalesce(payer_parent_id, payer_student_id)) STORED NOT NULL,
	"period" date,
	"issue_date" date NOT NULL,
	"sale_date" date NOT NULL,
	"due_date" date NOT NULL,
	"language" text DEFAULT 'pl' NOT NULL,
	"seller" jsonb NOT NULL,
	"buyer" jsonb NOT NULL,
	"vat_mode" text NOT NULL,
	"vat_rate" integer,
	"vat_basis" text,
	"net" integer NOT NULL,
	"vat" integer NOT NULL,
	"gross" integer NOT NULL,
	"paid" integer DEFAULT 0 NOT NULL,
	"status" "invoice_status" DEFAULT 'issued' NOT NULL,
	"transfer_title" text NOT NULL,
	"created_by" uuid,
	"created_by_system" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "invoices_school_id_id_key" UNIQUE("school_id","id"),
	CONSTRAINT "invoices_school_number_key" UNIQUE("school_id","number"),
	CONSTRAINT "invoices_school_kind_year_seq_key" UNIQUE("school_id","kind","year","seq"),
	CONSTRAINT "invoices_one_payer" CHECK (("invoices"."payer_parent_id" is null) <> ("invoices"."payer_student_id" is null)),
	CONSTRAINT "invoices_kind_shape" CHECK (("invoices"."kind" = 'invoice' and "invoices"."period" is not null and "invoices"."corrects_invoice_id" is null) or ("invoices"."kind" = 'correction' and "invoices"."corrects_invoice_id" is not null and "invoices"."correction_reason" is not null)),
	CONSTRAINT "invoices_totals" CHECK ("invoices"."gross" = "invoices"."net" + "invoices"."vat"),
	CONSTRAINT "invoices_vat_shape" CHECK (("invoices"."vat_mode" = 'exempt' and "invoices"."vat" = 0 and "invoices"."vat_basis" is not null) or ("invoices"."vat_mode" = 'rate' and "invoices"."vat_rate" between 0 and 100)),
	CONSTRAINT "invoices_dates" CHECK ("invoices"."due_date" >= "invoices"."issue_date"),
	CONSTRAINT "invoices_paid_range" CHECK ("invoices"."paid" >= 0 and ("invoices"."gross" < 0 or "invoices"."paid" <= "invoices"."gross"))
);
--> statement-breakpoint
CREATE TABLE "payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"payer_parent_id" uuid,
	"payer_student_id" uuid,
	"payer_key" uuid GENERATED ALWAYS AS (coalesce(payer_parent_id, payer_student_id)) STORED NOT NULL,
	"invoice_id" uuid,
	"amount" integer NOT NULL,
	"method" "payment_method" NOT NULL,
	"paid_on" date NOT NULL,
	"reference" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payments_one_payer" CHECK (("payments"."payer_parent_id" is null) <> ("payments"."payer_student_id" is null)),
	CONSTRAINT "payments_amount" CHECK ("payments"."amount" between 1 and 1000000000),
	CONSTRAINT "payments_reference_length" CHECK ("payments"."reference" is null or length("payments"."reference") <= 200)
);
--> statement-breakpoint
CREATE TABLE "student_prices" (
	"school_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"subject_id" uuid NOT NULL,
	"per60" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "student_prices_student_id_subject_id_pk" PRIMARY KEY("student_id","subject_id"),
	CONSTRAINT "student_prices_amount" CHECK ("student_prices"."per60" between 0 and 10000000)
);
--> statement-breakpoint
CREATE TABLE "subject_prices" (
	"school_id" uuid NOT NULL,
	"subject_id" uuid NOT NULL,
	"individual_per60" integer NOT NULL,
	"group_per60" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "subject_prices_subject_id_pk" PRIMARY KEY("subject_id"),
	CONSTRAINT "subject_prices_amounts" CHECK ("subject_prices"."individual_per60" between 0 and 10000000 and ("subject_prices"."group_per60" is null or "subject_prices"."group_per60" between 0 and 10000000))
);
--> statement-breakpoint
CREATE TABLE "tutor_rates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"tutor_id" uuid NOT NULL,
	"subject_id" uuid,
	"per60" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tutor_rates_amount" CHECK ("tutor_rates"."per60" between 0 and 10000000)
);
--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "invoice_number_format" text DEFAULT 'FV/{NNNN}/{MM}/{YYYY}' NOT NULL;--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "correction_number_format" text DEFAULT 'FK/{NNNN}/{MM}/{YYYY}' NOT NULL;--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "vat_mode" text DEFAULT 'exempt' NOT NULL;--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "vat_rate" integer;--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "vat_exemption_basis" text DEFAULT 'art. 43 ust. 1 pkt 26 lit. a ustawy o VAT';--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "sibling_discount_percent" integer;--> statement-breakpoint
ALTER TABLE "invoice_counters" ADD CONSTRAINT "invoice_counters_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_lines" ADD CONSTRAINT "invoice_lines_invoice_fk" FOREIGN KEY ("school_id","invoice_id") REFERENCES "public"."invoices"("school_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_lines" ADD CONSTRAINT "invoice_lines_lesson_fk" FOREIGN KEY ("school_id","lesson_id") REFERENCES "public"."lessons"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_lines" ADD CONSTRAINT "invoice_lines_student_fk" FOREIGN KEY ("school_id","student_id") REFERENCES "public"."students"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_payer_parent_fk" FOREIGN KEY ("school_id","payer_parent_id") REFERENCES "public"."parents"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_payer_student_fk" FOREIGN KEY ("school_id","payer_student_id") REFERENCES "public"."students"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_corrects_fk" FOREIGN KEY ("school_id","corrects_invoice_id") REFERENCES "public"."invoices"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_payer_parent_fk" FOREIGN KEY ("school_id","payer_parent_id") REFERENCES "public"."parents"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_payer_student_fk" FOREIGN KEY ("school_id","payer_student_id") REFERENCES "public"."students"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_invoice_fk" FOREIGN KEY ("school_id","invoice_id") REFERENCES "public"."invoices"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "student_prices" ADD CONSTRAINT "student_prices_student_fk" FOREIGN KEY ("school_id","student_id") REFERENCES "public"."students"("school_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "student_prices" ADD CONSTRAINT "student_prices_subject_fk" FOREIGN KEY ("school_id","subject_id") REFERENCES "public"."subjects"("school_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_prices" ADD CONSTRAINT "subject_prices_subject_fk" FOREIGN KEY ("school_id","subject_id") REFERENCES "public"."subjects"("school_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tutor_rates" ADD CONSTRAINT "tutor_rates_tutor_fk" FOREIGN KEY ("school_id","tutor_id") REFERENCES "public"."tutors"("school_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tutor_rates" ADD CONSTRAINT "tutor_rates_subject_fk" FOREIGN KEY ("school_id","subject_id") REFERENCES "public"."subjects"("school_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "invoice_lines_lesson_idx" ON "invoice_lines" USING btree ("lesson_id","student_id");--> statement-breakpoint
CREATE INDEX "invoice_lines_invoice_idx" ON "invoice_lines" USING btree ("invoice_id");--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_one_per_payer_period" ON "invoices" USING btree ("school_id","payer_key","period") WHERE "invoices"."kind" = 'invoice';--> statement-breakpoint
CREATE INDEX "invoices_school_period_idx" ON "invoices" USING btree ("school_id","period");--> statement-breakpoint
CREATE INDEX "invoices_school_status_due_idx" ON "invoices" USING btree ("school_id","status","due_date");--> statement-breakpoint
CREATE INDEX "invoices_payer_idx" ON "invoices" USING btree ("payer_key","issue_date");--> statement-breakpoint
CREATE INDEX "payments_payer_idx" ON "payments" USING btree ("payer_key","paid_on");--> statement-breakpoint
CREATE INDEX "payments_school_idx" ON "payments" USING btree ("school_id","paid_on");--> statement-breakpoint
CREATE UNIQUE INDEX "tutor_rates_one_per_subject" ON "tutor_rates" USING btree ("tutor_id",coalesce("subject_id", '00000000-0000-0000-0000-000000000000'::uuid));--> statement-breakpoint
ALTER TABLE "schools" ADD CONSTRAINT "schools_vat_shape" CHECK (("schools"."vat_mode" = 'exempt' and "schools"."vat_exemption_basis" is not null) or ("schools"."vat_mode" = 'rate' and "schools"."vat_rate" between 0 and 100));--> statement-breakpoint
ALTER TABLE "schools" ADD CONSTRAINT "schools_sibling_discount_range" CHECK ("schools"."sibling_discount_percent" is null or "schools"."sibling_discount_percent" between 1 and 100);--> statement-breakpoint
ALTER TABLE "schools" ADD CONSTRAINT "schools_number_formats" CHECK ("schools"."invoice_number_format" like '%{N%' and "schools"."correction_number_format" like '%{N%' and length("schools"."invoice_number_format") <= 40 and length("schools"."correction_number_format") <= 40);