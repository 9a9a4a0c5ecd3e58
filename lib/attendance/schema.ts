import { z } from 'zod';
import { optionalMultiline, optionalText } from '@/lib/records/fields';
import { attendanceStatuses } from './rules';

export const markAttendanceSchema = z.object({
  lessonId: z.uuid(),
  studentId: z.uuid(),
  status: z.enum(attendanceStatuses),
});
export type MarkAttendanceInput = z.input<typeof markAttendanceSchema>;

/** What a lesson covered. Blank fields are stored as nothing; the same text rules as every record. */
export const saveLessonNotesSchema = z.object({
  lessonId: z.uuid(),
  topic: optionalText(200),
  homework: optionalMultiline(2000),
  note: optionalMultiline(2000),
});
export type SaveLessonNotesInput = z.input<typeof saveLessonNotesSchema>;
