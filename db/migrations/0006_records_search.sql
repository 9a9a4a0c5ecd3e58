CREATE TABLE "tutor_subjects" (
	"school_id" uuid NOT NULL,
	"tutor_id" uuid NOT NULL,
	"subject_id" uuid NOT NULL,
	"levels" "student_level"[] DEFAULT '{}' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tutor_subjects_tutor_id_subject_id_pk" PRIMARY KEY("tutor_id","subject_id")
);
--> statement-breakpoint
ALTER TABLE "students" ADD COLUMN "search_text" text GENERATED ALWAYS AS (tutorhub_fold(first_name || ' ' || last_name || ' ' || coalesce(email, ''))) STORED;--> statement-breakpoint
ALTER TABLE "tutors" ADD COLUMN "search_text" text GENERATED ALWAYS AS (tutorhub_fold(first_name || ' ' || last_name || ' ' || coalesce(email, ''))) STORED;--> statement-breakpoint
ALTER TABLE "parents" ADD COLUMN "search_text" text GENERATED ALWAYS AS (tutorhub_fold(first_name || ' ' || last_name || ' ' || email || ' ' || coalesce(phone, '') || ' ' || coalesce(company_name, ''))) STORED;--> statement-breakpoint
ALTER TABLE "tutor_subjects" ADD CONSTRAINT "tutor_subjects_tutor_fk" FOREIGN KEY ("school_id","tutor_id") REFERENCES "public"."tutors"("school_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tutor_subjects" ADD CONSTRAINT "tutor_subjects_subject_fk" FOREIGN KEY ("school_id","subject_id") REFERENCES "public"."subjects"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "tutor_subjects_subject_idx" ON "tutor_subjects" USING btree ("subject_id");--> statement-breakpoint
CREATE INDEX "students_search_idx" ON "students" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "tutors_search_idx" ON "tutors" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "parents_search_idx" ON "parents" USING gin ("search_text" gin_trgm_ops);