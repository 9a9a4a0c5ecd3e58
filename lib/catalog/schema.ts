import { z } from 'zod';
import { sortedListFilters } from '@/lib/list/filters';
import { hexColor, nameText } from '@/lib/records/fields';
import { STUDENT_LEVELS } from '@/lib/students/levels';

/** Subjects are offered at the same levels students learn at. */
export const SUBJECT_LEVELS = STUDENT_LEVELS;

/** The lesson lengths the form offers as one click; any other multiple of 5 can be typed. */
export const DURATION_PRESETS = [30, 45, 60, 90, 120] as const;

const catalogName = nameText({ max: 60, requiredMessage: 'catalog.nameRequired', tooLongMessage: 'catalog.nameTooLong' });

/** A subject as the form edits it. Levels come back de-duplicated, in the usual order. */
export const subjectFields = z.object({
  name: catalogName,
  levels: z
    .array(z.enum(SUBJECT_LEVELS, { message: 'catalog.levelsRequired' }))
    .min(1, { message: 'catalog.levelsRequired' })
    .transform((list) => SUBJECT_LEVELS.filter((l) => list.includes(l))),
  // One rule, one message: "between 15 and 480 minutes, in steps of 5".
  defaultDurationMin: z
    .number({ message: 'catalog.durationInvalid' })
    .refine((v) => Number.isInteger(v) && v >= 15 && v <= 480 && v % 5 === 0, { message: 'catalog.durationInvalid' }),
  color: hexColor.transform((v) => v.toLowerCase()),
});

export type SubjectFieldsInput = z.input<typeof subjectFields>;
export type SubjectFields = z.output<typeof subjectFields>;

export const subjectIdSchema = z.object({ subjectId: z.uuid() });
export const updateSubjectSchema = subjectFields.extend({ subjectId: z.uuid() });

/** A room as the form edits it. */
export const roomFields = z.object({
  name: catalogName,
  capacity: z
    .number({ message: 'catalog.capacityInvalid' })
    .refine((v) => Number.isInteger(v) && v >= 1 && v <= 100, { message: 'catalog.capacityInvalid' }),
});

export type RoomFieldsInput = z.input<typeof roomFields>;
export type RoomFields = z.output<typeof roomFields>;

export const roomIdSchema = z.object({ roomId: z.uuid() });
export const updateRoomSchema = roomFields.extend({ roomId: z.uuid() });

export const catalogStatuses = ['active', 'archived'] as const;
export const subjectSorts = ['name', 'duration'] as const;
export const roomSorts = ['name', 'capacity'] as const;

// List filters from the URL: anything malformed falls back to the default instead of failing.
const catalogStatus = { status: z.enum(catalogStatuses).default('active').catch('active') };

export const subjectListFilters = sortedListFilters(subjectSorts, { sort: 'name', dir: 'asc' }).extend(catalogStatus);
export const roomListFilters = sortedListFilters(roomSorts, { sort: 'name', dir: 'asc' }).extend(catalogStatus);

export type SubjectListFilters = z.output<typeof subjectListFilters>;
export type RoomListFilters = z.output<typeof roomListFilters>;
