-- Working hours of one tutor on one weekday never overlap: the check belongs to the database
-- so two people saving at once cannot both pass. (Custom migration: Drizzle cannot express
-- EXCLUDE.) The wall-clock times are put on one fixed day to make a range; date + time is
-- immutable. Touching intervals (08:00–12:00 and 12:00–16:00) do not overlap. The constraint
-- name is a contract: lib/availability/actions.ts maps it to a sentence.
CREATE EXTENSION IF NOT EXISTS btree_gist;
--> statement-breakpoint
ALTER TABLE tutor_availability ADD CONSTRAINT tutor_availability_no_overlap
  EXCLUDE USING gist (
    tutor_id WITH =,
    weekday WITH =,
    tsrange(DATE '2000-01-03' + start_time, DATE '2000-01-03' + end_time, '[)') WITH &&
  );
