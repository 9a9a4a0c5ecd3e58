-- No double-booking, guaranteed by PostgreSQL rather than by a check in the app that two
-- people dragging at the same moment could both pass. (Custom migration: Drizzle cannot
-- express EXCLUDE constraints or triggers.) The constraint names are a contract: the app maps
-- them to sentences ("Anna Kowalczyk already teaches …") in lib/lessons/conflicts.ts.
CREATE EXTENSION IF NOT EXISTS btree_gist;
--> statement-breakpoint

-- A tutor is never in two overlapping lessons that still take place. Ranges are half-open,
-- so 16:00–17:00 and 17:00–18:00 do not overlap.
ALTER TABLE lessons ADD CONSTRAINT lessons_tutor_no_overlap
  EXCLUDE USING gist (school_id WITH =, tutor_id WITH =, during WITH &&)
  WHERE (status <> 'cancelled');
--> statement-breakpoint

-- Nor is a room (online lessons have none).
ALTER TABLE lessons ADD CONSTRAINT lessons_room_no_overlap
  EXCLUDE USING gist (school_id WITH =, room_id WITH =, during WITH &&)
  WHERE (room_id IS NOT NULL AND status <> 'cancelled');
--> statement-breakpoint

-- Nor is a student. An exclusion constraint sees only its own table, so lesson_students
-- carries a copy of its lesson's time (`during`) and whether the lesson still takes place
-- (`active`); the triggers below keep that copy exact.
ALTER TABLE lesson_students ADD CONSTRAINT lesson_students_no_overlap
  EXCLUDE USING gist (student_id WITH =, during WITH &&)
  WHERE (active);
--> statement-breakpoint

-- Every row written to lesson_students takes `during` and `active` from its lesson, whatever
-- the writer sent, so the copy cannot drift. On insert it also keeps a group within its
-- capacity and its room's: the lesson row is locked first, so two enrolments racing for the
-- last place are counted one after the other and the second is refused.
CREATE OR REPLACE FUNCTION lesson_students_from_lesson() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  l record;
  taken integer;
  room_capacity integer;
  places integer;
BEGIN
  SELECT id, during, status, capacity, room_id INTO l FROM lessons WHERE id = NEW.lesson_id FOR UPDATE;
  IF NOT FOUND THEN
    RETURN NEW; -- the foreign key refuses the row
  END IF;
  NEW.during := l.during;
  NEW.active := l.status <> 'cancelled';
  IF TG_OP = 'INSERT' OR NEW.lesson_id IS DISTINCT FROM OLD.lesson_id THEN
    SELECT count(*) INTO taken FROM lesson_students WHERE lesson_id = NEW.lesson_id;
    SELECT capacity INTO room_capacity FROM rooms WHERE id = l.room_id;
    places := least(l.capacity, coalesce(room_capacity, l.capacity));
    IF taken + 1 > places THEN
      RAISE EXCEPTION 'lesson % is full', NEW.lesson_id
        USING ERRCODE = 'check_violation',
              CONSTRAINT = 'lesson_students_capacity',
              DETAIL = format('Key (lesson_id, room_id)=(%s, %s) taken=(%s) capacity=(%s) room_capacity=(%s)',
                              NEW.lesson_id, coalesce(l.room_id::text, ''), taken, l.capacity, coalesce(room_capacity::text, ''));
    END IF;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER lesson_students_from_lesson
  BEFORE INSERT OR UPDATE ON lesson_students
  FOR EACH ROW EXECUTE FUNCTION lesson_students_from_lesson();
--> statement-breakpoint

-- Moving, resizing, cancelling or reinstating a lesson carries its students along in the
-- same statement, so the student constraint judges the lesson's new time at once (a move
-- that would put a student in two places fails with lesson_students_no_overlap).
CREATE OR REPLACE FUNCTION lessons_sync_students() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE lesson_students
     SET during = NEW.during, active = NEW.status <> 'cancelled'
   WHERE lesson_id = NEW.id;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER lessons_sync_students
  AFTER UPDATE OF during, status ON lessons
  FOR EACH ROW
  WHEN (OLD.during IS DISTINCT FROM NEW.during OR OLD.status IS DISTINCT FROM NEW.status)
  EXECUTE FUNCTION lessons_sync_students();
