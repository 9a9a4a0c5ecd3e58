import Link from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { InviteProfileButton } from '@/components/accounts/invite-profile-button';
import { StudentProgressCard } from '@/components/attendance/student-progress-card';
import { Badge } from '@/components/ui/badge';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import type { getStudentDetail } from '@/lib/students/queries';
import { formatCalendarDate, formatDate, formatDateTime } from '@/lib/time';
import { StudentStatusBadge, SubjectChip } from './student-badges';

type Detail = NonNullable<Awaited<ReturnType<typeof getStudentDetail>>>;

/**
 * Everything about a student on one screen: contact and school, subjects with tutors, parents
 * with their contact, status history. Shared by the office (with links to edit) and a tutor (read only).
 */
export async function StudentDetail({
  student,
  timeZone,
  links,
  parentsSlot,
  lead,
}: {
  student: Detail;
  timeZone: string;
  links: 'admin' | 'tutor';
  /** Replaces the read-only parents card (the office manages the links there). */
  parentsSlot?: React.ReactNode;
  /** What comes first (a tutor: who pays, then the progress they came for). */
  lead?: React.ReactNode;
}) {
  const t = await getTranslations('students');
  const ta = await getTranslations('accounts.statuses');
  const none = '—';
  return (
    <div className="grid gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
      <div className="grid content-start gap-4">
        {lead}
        {links === 'tutor' && <StudentProgressCard studentId={student.id} timeZone={timeZone} />}
        <Card>
          <CardHeader>
            <CardTitle>{t('detail.contact')}</CardTitle>
          </CardHeader>
          <CardContent>
            <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
              <Item label={t('detail.level')} value={t(`levels.${student.level}`)} />
              <Item label={t('detail.school')} value={[student.schoolName, student.className].filter(Boolean).join(', ') || none} />
              <Item label={t('detail.birthDate')} value={student.birthDate ? formatCalendarDate(student.birthDate) : none} />
              <Item label={t('email')} value={student.email ?? none} />
              <Item label={t('phone')} value={student.phone ?? none} />
              {student.isSelfPayer && <Item label={t('billing')} value={t('detail.selfPayer')} />}
            </dl>
            {student.notes && (
              <div className="mt-4 rounded-md border bg-muted/40 p-3 text-sm">
                <p className="mb-1 font-medium">{t('detail.notes')}</p>
                <p className="whitespace-pre-line text-muted-foreground">{student.notes}</p>
              </div>
            )}
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>{t('detail.subjects')}</CardTitle>
          </CardHeader>
          <CardContent>
            {student.subjects.length === 0 ? (
              <p className="text-sm text-muted-foreground">{t('detail.noSubjects')}</p>
            ) : (
              <ul className="flex flex-wrap gap-2" data-testid="student-subjects">
                {student.subjects.map((s) => (
                  <li key={s.subjectId}>
                    <SubjectChip name={s.name} color={s.color} detail={s.tutor ?? t('noTutor')} />
                  </li>
                ))}
              </ul>
            )}
          </CardContent>
        </Card>
        {parentsSlot ?? (
        <Card>
          <CardHeader>
            <CardTitle>{t('detail.parents')}</CardTitle>
          </CardHeader>
          <CardContent>
            {student.parents.length === 0 ? (
              <p className="text-sm text-muted-foreground">{student.isSelfPayer ? t('detail.selfPayer') : t('detail.noParents')}</p>
            ) : (
              <ul className="divide-y rounded-md border" data-testid="student-parents">
                {student.parents.map((p) => (
                  <li key={p.parentId} className="grid gap-1 px-3 py-2.5 text-sm sm:grid-cols-[1fr_auto] sm:items-center">
                    <div className="min-w-0">
                      <p className="font-medium">
                        {links === 'admin' ? (
                          <Link href={`/admin/parents/${p.parentId}`} className="hover:underline">
                            {p.firstName} {p.lastName}
                          </Link>
                        ) : (
                          `${p.firstName} ${p.lastName}`
                        )}
                      </p>
                      <p className="truncate text-muted-foreground">
                        <a href={`mailto:${p.email}`} className="hover:underline">
                          {p.email}
                        </a>
                        {p.phone && (
                          <>
                            {' · '}
                            <a href={`tel:${p.phone.replace(/\s/g, '')}`} className="hover:underline">
                              {p.phone}
                            </a>
                          </>
                        )}
                      </p>
                    </div>
                    <div className="flex gap-1">
                      {p.isPayer && <Badge variant="secondary">{t('detail.payer')}</Badge>}
                      <Badge variant="outline">{t(`detail.access.${p.access}`)}</Badge>
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </CardContent>
        </Card>
        )}
        {links === 'admin' && <StudentProgressCard studentId={student.id} timeZone={timeZone} />}
      </div>
      <div className="grid content-start gap-4">
        <Card>
          <CardHeader>
            <CardTitle>{t('detail.status')}</CardTitle>
          </CardHeader>
          <CardContent className="grid gap-3 text-sm">
            <div className="flex items-center gap-2" data-testid="student-status">
              <StudentStatusBadge status={student.status} />
              <span className="text-muted-foreground">{t('detail.since', { date: formatDate(student.statusChangedAt, timeZone) })}</span>
            </div>
            <div>
              <p className="mb-1 font-medium">{t('detail.statusHistory')}</p>
              <ol className="grid gap-1 text-muted-foreground">
                {student.statusHistory.map((h, i) => (
                  <li key={i} className="flex justify-between gap-3">
                    <span>
                      {h.action === 'student.create'
                        ? t('detail.created')
                        : t('detail.changed', { from: h.from ? t(`statuses.${h.from as 'active'}`) : '—', to: h.to ? t(`statuses.${h.to as 'active'}`) : '—' })}
                    </span>
                    <time className="tabular-nums">{formatDateTime(h.at, timeZone)}</time>
                  </li>
                ))}
                {student.statusHistory.length === 0 && <li>{t('detail.created')}: {formatDateTime(student.createdAt, timeZone)}</li>}
              </ol>
            </div>
          </CardContent>
        </Card>
        {links === 'admin' && (
          <Card>
            <CardHeader>
              <CardTitle>{t('detail.account')}</CardTitle>
            </CardHeader>
            <CardContent className="text-sm">
              {student.account ? (
                <div className="flex items-center justify-between gap-2">
                  <span>{t('detail.accountStatus', { status: ta(student.account.status) })}</span>
                  <Link href={`/admin/users/${student.account.id}`} className="text-primary hover:underline">
                    {t('detail.openAccount')}
                  </Link>
                </div>
              ) : (
                <div className="grid gap-2">
                  <p className="text-muted-foreground">{t('detail.noAccount')}</p>
                  {student.email && <InviteProfileButton kind="student" profileId={student.id} name={`${student.firstName} ${student.lastName}`} email={student.email} />}
                </div>
              )}
            </CardContent>
          </Card>
        )}
      </div>
    </div>
  );
}

function Item({ label, value }: { label: string; value: string }) {
  return (
    <div className="grid gap-0.5">
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="font-medium break-words">{value}</dd>
    </div>
  );
}
