import type { Role } from '@/db/schema';

export const roles = ['admin', 'tutor', 'student', 'parent'] as const satisfies readonly Role[];

/**
 * Who may do what: the one table. A role listed here may attempt the action; ownership
 * (a tutor's own students, a parent's own children, a parent's `full` access) is checked
 * again by the query or action itself, against the database.
 */
export const permissions = {
  /** See their own home page and profile. */
  'home.view': ['admin', 'tutor', 'student', 'parent'],
  /** The school's list of accounts, with search and filters. */
  'users.list': ['admin'],
  /** Invite a tutor, student or parent. */
  'users.invite': ['admin'],
  /** Deactivate, reactivate, resend an invitation, trigger a password reset. */
  'users.manage': ['admin'],
  /** Link a parent to a student, change access or payer, unlink. */
  'families.manage': ['admin'],
  /** Read the sent-email outbox. */
  'outbox.read': ['admin'],
  /** Read a student's record: admins all in the school, tutors their own, parents their children, a student themself. */
  'students.read': ['admin', 'tutor', 'student', 'parent'],
  /** School records (students, parents, tutors, subjects, rooms): tutors read their own students and those students' parents. */
  'records.read': ['admin', 'tutor'],
  /** Create, edit, archive, restore, delete and export school records. */
  'records.manage': ['admin'],
  /** Change a child's contact details: admins, and parents with `full` access to that child. */
  'students.updateContact': ['admin', 'parent'],
  /** See lessons: admins all in the school, tutors their own, a student theirs, parents their children's. */
  'lessons.read': ['admin', 'tutor', 'student', 'parent'],
  /** Plan, move, resize and cancel lessons: admins any lesson of the school, tutors only their own. */
  'lessons.manage': ['admin', 'tutor'],
  /** Plan and change lessons of any tutor (a tutor may only plan for themself). */
  'lessons.manageAll': ['admin'],
  /** Mark attendance and write a lesson's topic, homework and note: admins any lesson, tutors only their own. */
  'attendance.mark': ['admin', 'tutor'],
  /** The school's attendance per student and per tutor for a month. */
  'attendance.report': ['admin'],
  /** A student's progress history and attendance rate: admins, the lessons' tutor, the student, their parents (view or full access). */
  'progress.read': ['admin', 'tutor', 'student', 'parent'],
  /** Set weekly working hours and time off: admins for any tutor of the school, tutors only their own. */
  'availability.manage': ['admin', 'tutor'],
  /** Working hours and time off of any tutor, and booking outside them with an explicit override. */
  'availability.manageAll': ['admin'],
  /** Ask to cancel a future lesson: a student their own, a parent with `full` access their child's (checked by the action). */
  'cancellations.request': ['student', 'parent'],
  /** Cancellation requests and makeup credits: admins the school's, tutors for their own lessons, a student theirs, parents their children's. */
  'cancellations.read': ['admin', 'tutor', 'student', 'parent'],
  /** Approve or reject a cancellation request: admins any, tutors those for their own lessons. */
  'cancellations.decide': ['admin', 'tutor'],
  /** Book a makeup lesson that uses a student's oldest open credit: admins any tutor, tutors themselves. */
  'makeups.book': ['admin', 'tutor'],
  /** Plan weekly lesson series for any tutor, change or end them from a date. */
  'series.manage': ['admin'],
  /** The school's breaks and days off; adding one cancels the lessons booked in it. */
  'closures.manage': ['admin'],
  /** The school's settings (cancellation and makeup rules, later billing, reminders, school data). */
  'settings.manage': ['admin'],
  /** Read invoices and payments: admins the school's, a parent only the invoices they pay (checked by the query). */
  'invoices.read': ['admin', 'parent'],
  /** Record payments against invoices. */
  'invoices.manage': ['admin'],
  /** Preview and issue a month's invoices. */
  'billing.run': ['admin'],
  /** Set subjects' prices, students' own prices and tutors' pay rates. */
  'prices.manage': ['admin'],
  /** Tutors' monthly earnings: admins every tutor of the school, a tutor only their own (checked by the query). */
  'earnings.read': ['admin', 'tutor'],
  /** The owner's reports (attendance, revenue, outstanding balances, tutors' hours, cancellations) and their CSV/XLSX downloads. */
  'reports.read': ['admin'],
  /** The school's scheduled jobs (billing, reminders, overdue check) and their last runs. */
  'jobs.read': ['admin'],
  /** Run a scheduled job now for the school, whatever the schedule. */
  'jobs.run': ['admin'],
  /** The school's audit trail: who changed what and when, with the values before and after. */
  'audit.read': ['admin'],
  /** Message threads: admins all of the school's, tutors those addressed to them about their students, parents their children's family threads, a student their own. */
  'messages.read': ['admin', 'tutor', 'student', 'parent'],
  /** Start a thread or answer in one the viewer reads; a parent needs `full` access to the child (checked by the action). */
  'messages.write': ['admin', 'tutor', 'student', 'parent'],
  /** GDPR: export everything the school holds about a person, erase (anonymise) them, record consents. */
  'gdpr.manage': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissions;

export function can(role: Role, permission: Permission): boolean {
  return (permissions[permission] as readonly Role[]).includes(role);
}

/** Each role's home: where sign-in lands and where "home" links point. */
export const homeOf: Record<Role, string> = { admin: '/admin', tutor: '/tutor', student: '/student', parent: '/parent' };

/** The area (first path segment) each role may open; proxy.ts sends anyone else home. */
export function roleForArea(pathname: string): Role | null {
  const area = pathname.split('/')[1];
  return (roles as readonly string[]).includes(area) ? (area as Role) : null;
}
