import { getTranslations } from 'next-intl/server';
import { Pagination } from '@/components/pagination';
import type { Viewer } from '@/lib/auth/viewer';
import { lastUsableDay } from '@/lib/cancellations/rules';
import type { ListPage, OpenCredit } from '@/lib/cancellations/queries';
import { listActiveRooms, listActiveSubjects } from '@/lib/catalog/queries';
import { getOwnTutor } from '@/lib/lessons/queries';
import { listActiveTutors } from '@/lib/tutors/queries';
import { formatCalendarDate, formatDate } from '@/lib/time';
import { BookMakeupDialog } from './book-makeup-dialog';
import { staffParams, type StaffListParams } from './staff-list-params';
import { SectionHeading } from './staff-requests';

/**
 * Open makeup credits the staff can book (admins the school's, tutors those earned in their
 * own lessons), soonest to expire first, a page at a time, each with "Book makeup".
 */
export async function StaffCredits({ viewer, list, params }: { viewer: Viewer; list: ListPage<OpenCredit>; params: StaffListParams }) {
  const credits = list.rows;
  const [tutors, own, subjects, rooms, t] = await Promise.all([
    viewer.role === 'admin' ? listActiveTutors(viewer) : Promise.resolve([]),
    getOwnTutor(viewer),
    listActiveSubjects(viewer),
    listActiveRooms(viewer),
    getTranslations('cancellations'),
  ]);
  const zone = viewer.timeZone;
  const choices = viewer.role === 'admin' ? tutors.map((x) => ({ id: x.id, name: x.name, subjectIds: x.subjectIds })) : own ? [{ id: own.id, name: own.name, subjectIds: [] }] : [];
  return (
    <section className="grid gap-3" aria-labelledby="makeup-heading" id="makeup">
      <div className="grid gap-1">
        <SectionHeading id="makeup-heading" title={t('makeupTitle')} count={list.total} />
        <p className="text-sm text-muted-foreground">{t('makeupDescription')}</p>
      </div>
      {credits.length === 0 ? (
        <p className="rounded-md border border-dashed px-4 py-6 text-center text-sm text-muted-foreground" data-testid="empty-state">
          {t('makeupEmpty')}
        </p>
      ) : (
        <ul className="divide-y rounded-md border" data-testid="staff-credits">
          {credits.map((c) => (
            <li key={c.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2.5" data-credit-id={c.id}>
              <div className="grid min-w-0 gap-0.5">
                <span className="text-sm font-medium">{c.studentName}</span>
                <span className="text-xs text-muted-foreground">
                  {t('creditFrom', { subject: c.subjectName, date: formatDate(c.sourceStart, zone) })} · {t('creditUntil', { date: formatCalendarDate(lastUsableDay(c.expiresAt, zone)) })}
                </span>
              </div>
              {choices.length > 0 && (
                <BookMakeupDialog
                  studentId={c.studentId}
                  studentName={c.studentName}
                  subjectName={c.subjectName}
                  defaultTutorId={c.sourceTutorId}
                  tutors={choices}
                  subjects={subjects.map((s) => ({ id: s.id, name: s.name, defaultDurationMin: s.defaultDurationMin }))}
                  rooms={rooms.map((r) => ({ id: r.id, name: r.name }))}
                  timeZone={zone}
                />
              )}
            </li>
          ))}
        </ul>
      )}
      {list.total > list.pageSize && (
        <Pagination
          page={list.page}
          pageSize={list.pageSize}
          total={list.total}
          shown={credits.length}
          params={staffParams(params)}
          param="credits"
          hash="makeup"
          label={t('makeupPages')}
        />
      )}
    </section>
  );
}
