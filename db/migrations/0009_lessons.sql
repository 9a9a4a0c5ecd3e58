CREATE TYPE "public"."lesson_kind" AS ENUM('individual', 'group');--> statement-breakpoint
CREATE TYPE "public"."lesson_status" AS ENUM('scheduled', 'completed', 'cancelled');--> statement-breakpoint
CREATE TABLE "lesson_students" (
	"school_id" uuid NOT NULL,
	"lesson_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"during" "tstzrange" DEFAULT 'empty'::tstzrange NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "lesson_students_lesson_id_student_id_pk" PRIMARY KEY("lesson_id","student_id")
);
--> statement-breakpoint
CREATE TABLE "lessons" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"tutor_id" uuid NOT NULL,
	"subject_id" uuid NOT NULL,
	"room_id" uuid,
	"meeting_url" text,
	"during" "tstzrange" NOT NULL,
	"kind" "lesson_kind" DEFAULT 'individual' NOT NULL,
	"capacity" integer DEFAULT 1 NOT NULL,
	"status" "lesson_status" DEFAULT 'scheduled' NOT NULL,
	"cancelled_at" timestamp with time zone,
	"cancel_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "lessons_school_id_id_key" UNIQUE("school_id","id"),
	CONSTRAINT "lessons_place_present" CHECK ("lessons"."room_id" is not null or "lessons"."meeting_url" is not null),
	CONSTRAINT "lessons_meeting_url_http" CHECK ("lessons"."meeting_url" is null or ("lessons"."meeting_url" ~* '^https?://[^[:space:]]+$' and length("lessons"."meeting_url") <= 500)),
	CONSTRAINT "lessons_during_valid" CHECK (not isempty("lessons"."during") and not lower_inf("lessons"."during") and not upper_inf("lessons"."during") and lower_inc("lessons"."during") and not upper_inc("lessons"."during") and upper("lessons"."during") - lower("lessons"."during") <= interval '8 hours'),
	CONSTRAINT "lessons_capacity_kind" CHECK (("lessons"."kind" = 'individual' and "lessons"."capacity" = 1) or ("lessons"."kind" = 'group' and "lessons"."capacity" between 2 and 100)),
	CONSTRAINT "lessons_cancelled_consistent" CHECK (("lessons"."status" = 'cancelled') = ("lessons"."cancelled_at" is not null)),
	CONSTRAINT "lessons_cancel_reason_length" CHECK ("lessons"."cancel_reason" is null or length("lessons"."cancel_reason") <= 500)
);
--> statement-breakpoint
ALTER TABLE "lesson_students" ADD CONSTRAINT "lesson_students_lesson_fk" FOREIGN KEY ("school_id","lesson_id") REFERENCES "public"."lessons"("school_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lesson_students" ADD CONSTRAINT "lesson_students_student_fk" FOREIGN KEY ("school_id","student_id") REFERENCES "public"."students"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lessons" ADD CONSTRAINT "lessons_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lessons" ADD CONSTRAINT "lessons_tutor_fk" FOREIGN KEY ("school_id","tutor_id") REFERENCES "public"."tutors"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lessons" ADD CONSTRAINT "lessons_subject_fk" FOREIGN KEY ("school_id","subject_id") REFERENCES "public"."subjects"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lessons" ADD CONSTRAINT "lessons_room_fk" FOREIGN KEY ("school_id","room_id") REFERENCES "public"."rooms"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "lesson_students_student_idx" ON "lesson_students" USING btree ("student_id");--> statement-breakpoint
CREATE INDEX "lessons_school_during_idx" ON "lessons" USING gist ("school_id","during");--> statement-breakpoint
CREATE INDEX "lessons_subject_idx" ON "lessons" USING btree ("subject_id");--> statement-breakpoint
CREATE INDEX "lessons_room_idx" ON "lessons" USING btree ("room_id");