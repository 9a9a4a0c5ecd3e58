import { getTranslations } from 'next-intl/server';
import { parseFeedQuery, toLessonEvent } from '@/components/calendar/feed';
import { can } from '@/lib/auth/permissions';
import { getViewer } from '@/lib/auth/viewer';
import { listLessons } from '@/lib/lessons/queries';
import { listVisibleStudents } from '@/lib/students/queries';

export const dynamic = 'force-dynamic';

const noStore = { 'Cache-Control': 'private, no-store' };

function problem(status: number, error: string) {
  return Response.json({ error }, { status, headers: noStore });
}

/**
 * The calendar's events for the visible range, scoped to the caller by the lesson query
 * itself (admins the school, tutors their own lessons, students theirs, parents their
 * children's). 401 without a session, 403 for a role without lessons, 400 for a bad range.
 */
export async function GET(request: Request) {
  const t = await getTranslations('calendar');
  const viewer = await getViewer();
  if (!viewer) return problem(401, t('feed.unauthenticated'));
  if (!can(viewer.role, 'lessons.read')) return problem(403, t('feed.forbidden'));
  const parsed = parseFeedQuery(new URL(request.url).searchParams);
  if (!parsed.ok) return problem(400, t(`feed.${parsed.problem}`, { days: 62 }));

  // Students and parents see the names of their own family only, not the rest of a group.
  const family = viewer.role === 'student' || viewer.role === 'parent';
  const [lessons, visible] = await Promise.all([listLessons(viewer, parsed.query), family ? listVisibleStudents(viewer, { limit: 100 }) : undefined]);
  const visibleStudentIds = visible ? new Set(visible.map((s) => s.id)) : undefined;
  const canChange = can(viewer.role, 'lessons.manage');
  const onlineLabel = t('online');
  const withSeries = can(viewer.role, 'series.manage');
  return Response.json(
    lessons.map((lesson) => toLessonEvent(lesson, { canChange, visibleStudentIds, onlineLabel, withSeries })),
    { headers: noStore },
  );
}
