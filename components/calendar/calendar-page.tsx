import 'server-only';
import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import type { Role } from '@/db/schema';
import { PageHeader } from '@/components/list/page-header';
import { requirePage } from '@/lib/auth/viewer';
import { listActiveRooms, listActiveSubjects } from '@/lib/catalog/queries';
import { getOwnTutor } from '@/lib/lessons/queries';
import { chooseChild, type OwnChild } from '@/lib/portal/queries';
import { childLabels } from '@/lib/portal/rules';
import { listVisibleStudents } from '@/lib/students/queries';
import { listActiveTutors } from '@/lib/tutors/queries';
import { todayIn } from '@/lib/time';
import { CalendarClient } from './calendar-client';
import { calendarStateFrom, wideViewFor, type CalendarChoices } from './url-state';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const descriptionKey = {
  admin: 'descriptionAdmin',
  tutor: 'descriptionTutor',
  student: 'descriptionStudent',
  parent: 'descriptionParent',
} as const;

/**
 * The calendar page of every role: the same calendar, with what the role may filter by and
 * change. Admins plan and move any lesson; tutors their own; students and parents read.
 * A parent sees one child at a time, the one chosen on their home (`?child=`, the first by
 * default; an id that is not theirs is no choice). The lessons themselves come from the
 * feed, scoped there.
 */
export async function CalendarPage({ role, searchParams }: { role: Role; searchParams: SearchParams }) {
  const viewer = await requirePage('lessons.read', role);
  const [t, locale, params] = await Promise.all([getTranslations('calendar'), getLocale(), searchParams]);
  const family = role === 'parent' ? await chooseChild(viewer, params.child) : undefined;
  const choices = await choicesFor(viewer, role, family?.children ?? []);
  const state = calendarStateFrom(params, {
    today: todayIn(viewer.timeZone),
    choices,
  });
  if (family) state.student = family.child?.id;
  return (
    <div className="grid grid-cols-1 gap-4">
      <PageHeader title={t('title')} description={t(descriptionKey[role])} testId="calendar-title" />
      <CalendarClient
        role={role}
        timeZone={viewer.timeZone}
        locale={locale}
        initial={state}
        wideView={wideViewFor(role, choices.tutors.length)}
        choices={choices}
        canPlan={role === 'admin' || (role === 'tutor' && choices.tutors.length > 0)}
      />
    </div>
  );
}

async function choicesFor(viewer: Awaited<ReturnType<typeof requirePage>>, role: Role, children: OwnChild[]): Promise<CalendarChoices> {
  const name = (s: { firstName: string; lastName: string }) => `${s.firstName} ${s.lastName}`;
  switch (role) {
    case 'admin': {
      const [tutors, rooms, subjects, students] = await Promise.all([
        listActiveTutors(viewer),
        listActiveRooms(viewer),
        listActiveSubjects(viewer),
        listVisibleStudents(viewer, { limit: 5000 }),
      ]);
      return {
        tutors: tutors.map((x) => ({ id: x.id, name: x.name, color: x.color })),
        rooms: rooms.map((r) => ({
          id: r.id,
          name: r.name,
          capacity: r.capacity,
        })),
        subjects: subjects.map((s) => ({
          id: s.id,
          name: s.name,
          minutes: s.defaultDurationMin,
        })),
        students: students.map((s) => ({ id: s.id, name: name(s) })),
      };
    }
    case 'tutor': {
      const [own, rooms, subjects, students] = await Promise.all([
        getOwnTutor(viewer),
        listActiveRooms(viewer),
        listActiveSubjects(viewer),
        listVisibleStudents(viewer, { limit: 5000 }),
      ]);
      return {
        tutors: own ? [own] : [],
        rooms: rooms.map((r) => ({
          id: r.id,
          name: r.name,
          capacity: r.capacity,
        })),
        subjects: subjects.map((s) => ({
          id: s.id,
          name: s.name,
          minutes: s.defaultDurationMin,
        })),
        students: students.map((s) => ({ id: s.id, name: name(s) })),
      };
    }
    case 'parent': {
      // Named as the switcher names them (first names), for the child switcher above the calendar.
      const labels = childLabels(children);
      return {
        tutors: [],
        rooms: [],
        subjects: [],
        students: children.map((s, i) => ({ id: s.id, name: labels[i] })),
      };
    }
    case 'student':
      return { tutors: [], rooms: [], subjects: [], students: [] };
  }
}

/** The page title of every calendar page ("Kalendarz · TutorHub"). */
export async function calendarMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('calendar'))('title') };
}
