import { CalendarPage, calendarMetadata } from '@/components/calendar/calendar-page';

export const generateMetadata = calendarMetadata;

export default function ParentCalendarPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  return <CalendarPage role="parent" searchParams={searchParams} />;
}
