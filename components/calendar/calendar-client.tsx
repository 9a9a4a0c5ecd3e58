'use client';

import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import type { Role } from '@/db/schema';
import { LessonCalendar } from './lesson-calendar';
import type { CalendarChoices, CalendarState, CalendarView } from './url-state';

export type CalendarClientProps = {
  role: Role;
  timeZone: string;
  locale: string;
  initial: CalendarState;
  /** The view on a computer when the URL names none (`wideViewFor`). */
  wideView: CalendarView;
  choices: CalendarChoices;
  canPlan: boolean;
};

/** The query cache lives with the calendar, the only part of the app that fetches on the client. */
export function CalendarClient(props: CalendarClientProps) {
  const [client] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          queries: { staleTime: 30_000, retry: 1, refetchOnWindowFocus: true },
        },
      }),
  );
  return (
    <QueryClientProvider client={client}>
      <LessonCalendar {...props} />
    </QueryClientProvider>
  );
}
