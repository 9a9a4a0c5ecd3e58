import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getTranslations } from 'next-intl/server';
import { tutors } from '@/db/schema';
import { can } from '@/lib/auth/permissions';
import type { Viewer } from '@/lib/auth/viewer';
import type { Tx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { formatCalendarDate } from '@/lib/time';
import { availabilityFor } from './queries';
import { outsideAvailability, type AvailabilityProblem } from './rules';

/**
 * Booking against a tutor's working hours and time off, for every action that puts a lesson
 * in the calendar (create, move, resize, a recurring series' occurrences).
 *
 * Fits → undefined. Does not fit → refused with CONFLICT, reason `outside_availability`, and
 * a sentence with the hours ("Anna Kowalczyk pracuje we wtorki 14:00–20:00"), unless the
 * viewer may override (an admin) and asked to: then the problem is returned so the caller
 * records the override in its audit row. A tutor's override flag is ignored.
 */
export async function checkAvailability(
  tx: Tx,
  viewer: Viewer,
  tutorId: string,
  span: { start: Date; end: Date },
  override = false,
): Promise<AvailabilityProblem | undefined> {
  // Shares the lock a change of hours takes (FOR UPDATE), so a booking reads a week that is
  // not being replaced at the same moment.
  const [tutor] = await tx
    .select({ firstName: tutors.firstName, lastName: tutors.lastName })
    .from(tutors)
    .where(and(eq(tutors.id, tutorId), eq(tutors.schoolId, viewer.schoolId)))
    .for('share');
  const { weekly, timeOff } = await availabilityFor(tx, viewer.schoolId, tutorId, span, viewer.timeZone);
  const problem = outsideAvailability(span, weekly, timeOff, viewer.timeZone);
  if (!problem) return undefined;
  if (override && can(viewer.role, 'availability.manageAll')) return problem;
  const name = tutor ? `${tutor.firstName} ${tutor.lastName}` : '';
  throw new AppError('CONFLICT', await availabilitySentence(name, problem, can(viewer.role, 'availability.manageAll')), undefined, 'outside_availability');
}

/** "Anna Kowalczyk pracuje we wtorki 14:00–20:00." / "… nie pracuje w środy." / "… ma wolne 24.12.2026–31.12.2026." */
export async function availabilitySentence(name: string, problem: AvailabilityProblem, canOverride = false) {
  const t = await getTranslations('availability');
  let sentence: string;
  if (problem.reason === 'time_off') {
    const days = problem.firstDay === problem.lastDay ? formatCalendarDate(problem.firstDay) : `${formatCalendarDate(problem.firstDay)}–${formatCalendarDate(problem.lastDay)}`;
    sentence = t('refusal.timeOff', { name, days });
  } else if (problem.hours.length === 0) {
    sentence = t('refusal.dayOff', { name, weekday: String(problem.weekday) });
  } else {
    sentence = t('refusal.hours', { name, weekday: String(problem.weekday), hours: problem.hours.map((h) => `${h.start}–${h.end}`).join(', ') });
  }
  return canOverride ? `${sentence} ${t('refusal.overrideHint')}` : sentence;
}
