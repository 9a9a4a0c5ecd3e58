import { CalendarPage, calendarMetadata } from '@/components/calendar/calendar-page';

export const generateMetadata = calendarMetadata;

export default function StudentCalendarPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  return <CalendarPage role="student" searchParams={searchParams} />;
}
