import type { AttendanceMark } from '@/lib/attendance/rules';

/**
 * One colour per mark, always shown with its word (colour is never the only signal): the
 * theme's success, warning and destructive tokens, and the accent for excused.
 */
export const markSelected: Record<AttendanceMark, string> = {
  present: 'border-transparent bg-success text-success-foreground hover:bg-success/90',
  late: 'border-transparent bg-warning text-warning-foreground hover:bg-warning/90',
  absent: 'border-transparent bg-destructive text-destructive-foreground hover:bg-destructive/90 dark:bg-destructive/70',
  excused: 'border-transparent bg-primary text-primary-foreground hover:bg-primary/90',
};

export const markBadge: Record<AttendanceMark, 'success' | 'warning' | 'destructive' | 'default'> = {
  present: 'success',
  late: 'warning',
  absent: 'destructive',
  excused: 'default',
};
