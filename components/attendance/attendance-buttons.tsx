'use client';

import { useState, useTransition } from 'react';
import { useTranslations } from 'next-intl';
import { toast } from 'sonner';
import { markAttendanceAction } from '@/lib/attendance/actions';
import { attendanceStatuses, type AttendanceMark } from '@/lib/attendance/rules';
import { cn } from '@/lib/utils';
import { markSelected } from './mark-style';

/**
 * Four one-tap buttons for one student of a lesson. The tap shows at once (optimistic); the
 * server's answer confirms it with a toast, or puts the previous mark back and says why.
 */
export function AttendanceButtons({
  lessonId,
  student,
  disabled,
  onLessonStatus,
}: {
  lessonId: string;
  student: { id: string; name: string; mark: AttendanceMark | null };
  disabled?: boolean;
  onLessonStatus?: (status: 'scheduled' | 'completed' | 'cancelled') => void;
}) {
  const t = useTranslations('attendance');
  const [mark, setMark] = useState<AttendanceMark | null>(student.mark);
  const [pending, startTransition] = useTransition();

  const choose = (status: AttendanceMark) => {
    if (status === mark) return;
    const previous = mark;
    setMark(status);
    startTransition(async () => {
      const result = await markAttendanceAction({ lessonId, studentId: student.id, status });
      if (!result.ok) {
        setMark(previous);
        toast.error(result.message);
        return;
      }
      onLessonStatus?.(result.data.lessonStatus);
      const words = { student: student.name, status: t(`status.${status}`) };
      toast.success(result.data.lessonStatus === 'completed' && previous == null ? t('markedAndCompleted', words) : t('marked', words));
    });
  };

  return (
    <div className="grid gap-2 py-3 sm:grid-cols-[minmax(9rem,1fr)_auto] sm:items-center" data-testid="attendance-row" data-student={student.name}>
      <div className="flex min-w-0 items-baseline justify-between gap-2 sm:block">
        <span className="truncate font-medium">{student.name}</span>
        <span className="text-sm text-muted-foreground sm:hidden" aria-hidden>
          {mark ? t(`status.${mark}`) : t('status.unmarked')}
        </span>
      </div>
      <div role="group" aria-label={t('today.markFor', { student: student.name })} className="grid grid-cols-2 gap-2 min-[480px]:grid-cols-4" aria-busy={pending || undefined}>
        {attendanceStatuses.map((status) => {
          const on = mark === status;
          return (
            <button
              key={status}
              type="button"
              aria-pressed={on}
              disabled={disabled}
              onClick={() => choose(status)}
              className={cn(
                'min-h-11 rounded-md border px-3 text-sm font-medium transition-colors outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50 disabled:pointer-events-none disabled:opacity-50',
                on ? markSelected[status] : 'bg-background text-foreground hover:bg-accent dark:bg-input/30 dark:hover:bg-input/50',
              )}
            >
              {t(`status.${status}`)}
            </button>
          );
        })}
      </div>
    </div>
  );
}
