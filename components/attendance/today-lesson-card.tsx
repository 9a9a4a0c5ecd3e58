'use client';

import { MapPin, Video } from 'lucide-react';
import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { Badge } from '@/components/ui/badge';
import type { AttendanceMark } from '@/lib/attendance/rules';
import { cn } from '@/lib/utils';
import { AttendanceButtons } from './attendance-buttons';
import { LessonNotesForm } from './lesson-notes-form';

export type TodayCardLesson = {
  id: string;
  timeRange: string;
  status: 'scheduled' | 'completed' | 'cancelled';
  subject: { name: string; color: string };
  roomName: string | null;
  meetingUrl: string | null;
  /** Attendance can be taken now (the lesson started or is today, and takes place). */
  markable: boolean;
  notes: { topic: string | null; homework: string | null; note: string | null };
  students: { id: string; name: string; mark: AttendanceMark | null }[];
};

const statusBadge = { scheduled: 'outline', completed: 'success', cancelled: 'secondary' } as const;

/** One lesson of the tutor's day: when, what, where, and a row of marks per student. */
export function TodayLessonCard({ lesson }: { lesson: TodayCardLesson }) {
  const t = useTranslations('attendance');
  const [status, setStatus] = useState(lesson.status);
  const cancelled = status === 'cancelled';
  return (
    <article
      className={cn('rounded-lg border bg-card text-card-foreground shadow-xs', cancelled && 'bg-muted/40')}
      data-testid="today-lesson"
      data-lesson-id={lesson.id}
      data-status={status}
      aria-labelledby={`lesson-${lesson.id}`}
    >
      <header className="flex flex-wrap items-start justify-between gap-2 border-l-4 px-4 pt-3 pb-2" style={{ borderLeftColor: lesson.subject.color }}>
        <div className="grid gap-0.5">
          <h3 id={`lesson-${lesson.id}`} className={cn('font-semibold', cancelled && 'line-through')}>
            <span className="tabular-nums">{lesson.timeRange}</span> · {lesson.subject.name}
          </h3>
          <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-muted-foreground">
            {lesson.roomName && (
              <span className="inline-flex items-center gap-1">
                <MapPin className="size-3.5" aria-hidden />
                {t('today.room', { room: lesson.roomName })}
              </span>
            )}
            {lesson.meetingUrl && (
              <a href={lesson.meetingUrl} target="_blank" rel="noopener noreferrer" className="inline-flex min-h-6 items-center gap-1 text-primary underline-offset-4 hover:underline">
                <Video className="size-3.5" aria-hidden />
                {t('today.join')}
              </a>
            )}
          </p>
        </div>
        <Badge variant={statusBadge[status]} data-testid="lesson-status">
          {t(`lessonStatus.${status}`)}
        </Badge>
      </header>
      <div className="px-4 pb-2">
        {lesson.students.length === 0 ? (
          <p className="py-3 text-sm text-muted-foreground">{t('today.noStudents')}</p>
        ) : (
          <div className="divide-y">
            {lesson.students.map((s) => (
              <AttendanceButtons key={s.id} lessonId={lesson.id} student={s} disabled={!lesson.markable || cancelled} onLessonStatus={setStatus} />
            ))}
          </div>
        )}
        {!cancelled && !lesson.markable && lesson.students.length > 0 && <p className="pb-2 text-sm text-muted-foreground">{t('today.notYetHint')}</p>}
        {cancelled ? <p className="pb-2 text-sm text-muted-foreground">{t('today.cancelledHint')}</p> : <LessonNotesForm lessonId={lesson.id} initial={lesson.notes} />}
      </div>
    </article>
  );
}
