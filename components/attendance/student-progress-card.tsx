import { getTranslations } from 'next-intl/server';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { attendanceRate, progressForStudent } from '@/lib/attendance/queries';
import { getViewer } from '@/lib/auth/viewer';
import { ProgressHistory } from './progress-history';

/**
 * "Postępy" on a student's record: the history of their lessons the viewer may see (an admin
 * all, a tutor the lessons they taught) and the attendance rate. Reads the viewer itself so
 * the record page needs no change to carry it.
 */
export async function StudentProgressCard({ studentId, timeZone }: { studentId: string; timeZone: string }) {
  const viewer = await getViewer();
  if (!viewer) return null;
  const [entries, rate, t] = await Promise.all([progressForStudent(viewer, studentId, { limit: 30 }), attendanceRate(viewer, studentId), getTranslations('attendance.progress')]);
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t('title')}</CardTitle>
      </CardHeader>
      <CardContent>
        <ProgressHistory entries={entries} rate={rate} timeZone={timeZone} />
      </CardContent>
    </Card>
  );
}
