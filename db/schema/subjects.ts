import { sql } from 'drizzle-orm';
import { boolean, check, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { schools } from './schools';
import { studentLevel } from './students';

/** A subject the school teaches, with the levels it is offered at and its usual lesson length. */
export const subjects = pgTable(
  'subjects',
  {
    id: uuid().primaryKey().defaultRandom(),
    schoolId: uuid()
      .notNull()
      .references(() => schools.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    levels: studentLevel().array().notNull().default(sql`'{}'`),
    defaultDurationMin: integer().notNull().default(60),
    color: text().notNull().default('#6366f1'),
    archivedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('subjects_school_name_key').on(t.schoolId, t.name),
    unique('subjects_school_id_id_key').on(t.schoolId, t.id),
    check('subjects_duration_range', sql`${t.defaultDurationMin} between 15 and 480`),
  ],
);

/** A room lessons take place in. Online lessons have no room. */
export const rooms = pgTable(
  'rooms',
  {
    id: uuid().primaryKey().defaultRandom(),
    schoolId: uuid()
      .notNull()
      .references(() => schools.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    capacity: integer().notNull().default(1),
    isActive: boolean().notNull().default(true),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('rooms_school_name_key').on(t.schoolId, t.name),
    unique('rooms_school_id_id_key').on(t.schoolId, t.id),
    check('rooms_capacity_range', sql`${t.capacity} between 1 and 100`),
  ],
);

export type Subject = typeof subjects.$inferSelect;
export type Room = typeof rooms.$inferSelect;
