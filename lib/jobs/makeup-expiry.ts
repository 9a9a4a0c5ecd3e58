import 'server-only';
import { createElement } from 'react';
import type { School } from '@/db/schema';
import MakeupExpiringEmail, { makeupExpiringSubject } from '@/emails/makeup-expiring';
import { creditsExpiringSoon, expireMakeupCredits } from '@/lib/cancellations/credits';
import { lastUsableDay } from '@/lib/cancellations/rules';
import type { Database } from '@/lib/db';
import { env } from '@/lib/env';
import { studentRecipients } from '@/lib/notifications/recipients';
import { sendNotice, tally, type NoticeResult } from '@/lib/notifications/send';
import { formatCalendarDate, formatDate } from '@/lib/time';
import type { JobDefinition } from './types';

/** Local hour of the daily makeup-credit run. */
export const MAKEUP_EXPIRY_HOUR = 7;

/**
 * Tells the student (when they have an address) and their parents of each open credit that
 * runs out within the school's `makeupExpiryNoticeDays` local days: once per credit and
 * person (dedupe key `makeup-expiring:<credit id>:<address>`), however many daily runs see it.
 */
export async function warnExpiringCredits(db: Database, school: School, at: Date): Promise<{ credits: number; emailed: number; alreadySent: number; skipped: number }> {
  const credits = await creditsExpiringSoon(db, school, at);
  if (credits.length === 0) return { credits: 0, emailed: 0, alreadySent: 0, skipped: 0 };
  const people = await studentRecipients(
    db,
    school,
    credits.map((c) => c.studentId),
  );
  const results: NoticeResult[] = [];
  for (const credit of credits) {
    const useBy = formatCalendarDate(lastUsableDay(credit.expiresAt, school.timeZone));
    const sourceLesson = `${credit.sourceSubject}, ${formatDate(credit.sourceStart, school.timeZone)}`;
    for (const to of people.get(credit.studentId) ?? []) {
      const portalUrl = to.userId ? new URL(to.role === 'parent' ? '/parent' : '/student', env.APP_URL).toString() : null;
      results.push(
        await sendNotice(db, {
          school,
          kind: 'makeup-expiring',
          to,
          about: credit.id,
          subject: makeupExpiringSubject({ locale: to.locale, useBy }),
          body: (frame) => createElement(MakeupExpiringEmail, { ...frame, name: to.name, studentName: credit.studentName, sourceLesson, useBy, portalUrl }),
          meta: { creditId: credit.id, studentId: credit.studentId },
        }),
      );
    }
  }
  return { credits: credits.length, ...tally(results) };
}

/** Daily: expires the makeup credits whose time ran out, then warns of those about to. */
export const makeupExpiry: JobDefinition = {
  name: 'makeup-expiry',
  isDue: (_school, local) => local.hour === MAKEUP_EXPIRY_HOUR,
  async run(db, school, at) {
    const { expired } = await expireMakeupCredits(db, at, { schoolId: school.id });
    const warned = await warnExpiringCredits(db, school, at);
    return { expired, warned: warned.credits, emailed: warned.emailed, alreadySent: warned.alreadySent, skipped: warned.skipped };
  },
};
