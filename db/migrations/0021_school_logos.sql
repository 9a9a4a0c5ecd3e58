CREATE TABLE "school_logos" (
	"school_id" uuid PRIMARY KEY NOT NULL,
	"content_type" text NOT NULL,
	"data" "bytea" NOT NULL,
	"sha256" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "school_logos_content_type" CHECK ("school_logos"."content_type" in ('image/png', 'image/jpeg')),
	CONSTRAINT "school_logos_size" CHECK (octet_length("school_logos"."data") <= 262144)
);
--> statement-breakpoint
ALTER TABLE "school_logos" ADD CONSTRAINT "school_logos_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE cascade ON UPDATE no action;