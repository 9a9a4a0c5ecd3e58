CREATE TYPE "public"."closure_kind" AS ENUM('break', 'day_off');--> statement-breakpoint
CREATE TABLE "lesson_series" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"tutor_id" uuid NOT NULL,
	"subject_id" uuid NOT NULL,
	"room_id" uuid,
	"meeting_url" text,
	"kind" text DEFAULT 'individual' NOT NULL,
	"capacity" integer DEFAULT 1 NOT NULL,
	"weekdays" smallint[] NOT NULL,
	"start_time" time NOT NULL,
	"duration_minutes" integer NOT NULL,
	"first_date" date NOT NULL,
	"last_date" date NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "lesson_series_school_id_id_key" UNIQUE("school_id","id"),
	CONSTRAINT "lesson_series_place_present" CHECK ("lesson_series"."room_id" is not null or "lesson_series"."meeting_url" is not null),
	CONSTRAINT "lesson_series_meeting_url_http" CHECK ("lesson_series"."meeting_url" is null or ("lesson_series"."meeting_url" ~* '^https?://[^[:space:]]+$' and length("lesson_series"."meeting_url") <= 500)),
	CONSTRAINT "lesson_series_weekdays_valid" CHECK (cardinality("lesson_series"."weekdays") between 1 and 7 and "lesson_series"."weekdays" <@ array[1,2,3,4,5,6,7]::smallint[]),
	CONSTRAINT "lesson_series_duration_valid" CHECK ("lesson_series"."duration_minutes" between 15 and 480),
	CONSTRAINT "lesson_series_dates_valid" CHECK ("lesson_series"."first_date" <= "lesson_series"."last_date" and "lesson_series"."last_date" - "lesson_series"."first_date" <= 400),
	CONSTRAINT "lesson_series_capacity_kind" CHECK (("lesson_series"."kind" = 'individual' and "lesson_series"."capacity" = 1) or ("lesson_series"."kind" = 'group' and "lesson_series"."capacity" between 2 and 100))
);
--> statement-breakpoint
CREATE TABLE "series_students" (
	"school_id" uuid NOT NULL,
	"series_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "series_students_series_id_student_id_pk" PRIMARY KEY("series_id","student_id")
);
--> statement-breakpoint
CREATE TABLE "school_closures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"first_day" date NOT NULL,
	"last_day" date NOT NULL,
	"name" text NOT NULL,
	"kind" "closure_kind" DEFAULT 'day_off' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "school_closures_span_check" CHECK ("school_closures"."first_day" <= "school_closures"."last_day" and "school_closures"."last_day" - "school_closures"."first_day" <= 120),
	CONSTRAINT "school_closures_name_check" CHECK (length(btrim("school_closures"."name")) between 1 and 120)
);
--> statement-breakpoint
ALTER TABLE "lessons" ADD COLUMN "series_id" uuid;--> statement-breakpoint
ALTER TABLE "lesson_series" ADD CONSTRAINT "lesson_series_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lesson_series" ADD CONSTRAINT "lesson_series_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lesson_series" ADD CONSTRAINT "lesson_series_tutor_fk" FOREIGN KEY ("school_id","tutor_id") REFERENCES "public"."tutors"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lesson_series" ADD CONSTRAINT "lesson_series_subject_fk" FOREIGN KEY ("school_id","subject_id") REFERENCES "public"."subjects"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lesson_series" ADD CONSTRAINT "lesson_series_room_fk" FOREIGN KEY ("school_id","room_id") REFERENCES "public"."rooms"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "series_students" ADD CONSTRAINT "series_students_series_fk" FOREIGN KEY ("school_id","series_id") REFERENCES "public"."lesson_series"("school_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "series_students" ADD CONSTRAINT "series_students_student_fk" FOREIGN KEY ("school_id","student_id") REFERENCES "public"."students"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_closures" ADD CONSTRAINT "school_closures_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_closures" ADD CONSTRAINT "school_closures_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "lesson_series_school_idx" ON "lesson_series" USING btree ("school_id","last_date");--> statement-breakpoint
CREATE INDEX "series_students_student_idx" ON "series_students" USING btree ("student_id");--> statement-breakpoint
CREATE INDEX "school_closures_school_idx" ON "school_closures" USING btree ("school_id","first_day");--> statement-breakpoint
ALTER TABLE "lessons" ADD CONSTRAINT "lessons_series_fk" FOREIGN KEY ("school_id","series_id") REFERENCES "public"."lesson_series"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "lessons_series_idx" ON "lessons" USING btree ("series_id");