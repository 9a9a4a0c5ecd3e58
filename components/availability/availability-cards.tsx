import { getTranslations } from 'next-intl/server';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import type { TutorAvailabilityView } from '@/lib/availability/queries';
import { TimeOffSection } from './time-off-section';
import { WeeklyHoursEditor } from './weekly-hours-editor';

/** Working hours and time off of one tutor, as two cards; the admin's tutor page and the tutor's own page share them. */
export async function AvailabilityCards({ availability, timeZone, forAdmin }: { availability: TutorAvailabilityView; timeZone: string; forAdmin?: boolean }) {
  const t = await getTranslations('availability');
  return (
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]" data-testid="availability">
      <Card>
        <CardHeader>
          <CardTitle>
            <h2>{t('hoursTitle')}</h2>
          </CardTitle>
          <CardDescription>{t('hoursDescription', { timeZone })}</CardDescription>
        </CardHeader>
        <CardContent>
          <WeeklyHoursEditor tutorId={availability.tutor.id} initial={availability.weekly} canOverrideNote={forAdmin} />
        </CardContent>
      </Card>
      <Card className="content-start">
        <CardHeader>
          <CardTitle>
            <h2>{t('timeOffTitle')}</h2>
          </CardTitle>
          <CardDescription>{t('timeOffDescription')}</CardDescription>
        </CardHeader>
        <CardContent>
          <TimeOffSection tutorId={availability.tutor.id} timeOff={availability.timeOff} today={availability.today} />
        </CardContent>
      </Card>
    </div>
  );
}
