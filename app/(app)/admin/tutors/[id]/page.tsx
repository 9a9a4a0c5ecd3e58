import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { ArrowLeft, ExternalLink, Pencil } from 'lucide-react';
import { getTranslations } from 'next-intl/server';
import { StatusBadge as AccountStatusBadge } from '@/components/accounts/badges';
import { AvailabilityCards } from '@/components/availability/availability-cards';
import { TutorRatesCard } from '@/components/billing/tutor-rates-card';
import { InviteProfileButton } from '@/components/accounts/invite-profile-button';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { getTutorAvailability } from '@/lib/availability/queries';
import { GdprSection } from '@/components/gdpr/gdpr-section';
import { requirePage } from '@/lib/auth/viewer';
import { getTutorRates } from '@/lib/billing/earnings';
import { formatDate, formatDateTime } from '@/lib/time';
import { getTutor, tutorDeletionBlockers } from '@/lib/tutors/queries';
import { TutorActions } from './tutor-actions';
import { RecordHistory } from '@/components/audit/record-history';

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const viewer = await requirePage('records.manage', 'admin');
  const tutor = await getTutor(viewer, (await params).id);
  return { title: tutor ? `${tutor.firstName} ${tutor.lastName}` : (await getTranslations('tutors'))('title') };
}

const statusVariant = { active: 'success', on_leave: 'warning', left: 'secondary' } as const;

export default async function TutorDetailPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requirePage('records.manage', 'admin');
  const { id } = await params;
  const tutor = await getTutor(viewer, id);
  if (!tutor) notFound();
  const [t, tr, blockers, availability, rates] = await Promise.all([
    getTranslations('tutors'),
    getTranslations('records'),
    tutorDeletionBlockers(viewer, tutor.id),
    getTutorAvailability(viewer, tutor.id),
    getTutorRates(viewer, tutor.id),
  ]);
  const name = `${tutor.firstName} ${tutor.lastName}`;
  const zone = viewer.timeZone;

  return (
    <div className="mx-auto grid max-w-6xl grid-cols-1 gap-6">
      <Link href="/admin/tutors" className="inline-flex w-fit items-center gap-1 text-sm text-muted-foreground hover:text-foreground">
        <ArrowLeft className="size-4" aria-hidden /> {tr('backTo', { list: t('title') })}
      </Link>

      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="grid min-w-0 gap-2">
          <h1 className="flex items-center gap-3 text-2xl font-semibold tracking-tight" data-testid="tutor-name">
            <span className="size-4 shrink-0 rounded-full ring-1 ring-black/10 dark:ring-white/20" style={{ backgroundColor: tutor.color }} aria-hidden />
            {name}
          </h1>
          <div className="flex flex-wrap items-center gap-2 text-sm text-muted-foreground">
            <span data-testid="tutor-status">
              <Badge variant={statusVariant[tutor.status]}>{t(`statuses.${tutor.status}`)}</Badge>
            </span>
            {tutor.statusChangedAt && <span>{t('statusSince', { date: formatDate(tutor.statusChangedAt, zone) })}</span>}
          </div>
        </div>
        {/* An anonymised record is history: nothing to edit, restore or delete. */}
        {!tutor.anonymisedAt && (
          <div className="flex flex-wrap gap-2">
            <Button variant="outline" asChild>
              <Link href={`/admin/tutors/${tutor.id}/edit`}>
                <Pencil className="size-4" aria-hidden /> {tr('edit')}
              </Link>
            </Button>
            <TutorActions
              tutor={{ id: tutor.id, name, status: tutor.status, subjectCount: tutor.subjects.length }}
              blockers={blockers}
              account={tutor.account ? { id: tutor.account.id, status: tutor.account.status } : null}
            />
          </div>
        )}
      </div>

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
        <Card>
          <CardHeader>
            <CardTitle>{t('sectionDetails')}</CardTitle>
          </CardHeader>
          <CardContent>
            <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
              <Field label={tr('email')}>
                {tutor.email ? (
                  <a href={`mailto:${tutor.email}`} className="break-all hover:underline">
                    {tutor.email}
                  </a>
                ) : (
                  tr('none')
                )}
              </Field>
              <Field label={tr('phone')}>
                {tutor.phone ? (
                  <a href={`tel:${tutor.phone.replace(/[^+0-9]/g, '')}`} className="tabular-nums hover:underline">
                    {tutor.phone}
                  </a>
                ) : (
                  tr('none')
                )}
              </Field>
              <Field label={t('color')}>
                <span className="inline-flex items-center gap-2">
                  <span className="size-3 rounded-full ring-1 ring-black/10 dark:ring-white/20" style={{ backgroundColor: tutor.color }} aria-hidden />
                  <span className="font-mono">{tutor.color}</span>
                </span>
              </Field>
              <Field label={tr('status')}>
                {t(`statuses.${tutor.status}`)}
                {tutor.statusChangedAt && <span className="text-muted-foreground"> · {formatDateTime(tutor.statusChangedAt, zone)}</span>}
              </Field>
              <Field label={tr('created')}>{formatDate(tutor.createdAt, zone)}</Field>
              <Field label={tr('updated')}>{formatDateTime(tutor.updatedAt, zone)}</Field>
            </dl>
            <div className="mt-4 grid gap-1 border-t pt-4 text-sm">
              <p className="text-muted-foreground">{t('bio')}</p>
              <p className="whitespace-pre-line">{tutor.bio ?? <span className="text-muted-foreground">{t('noBio')}</span>}</p>
            </div>
          </CardContent>
        </Card>

        <div className="grid content-start gap-6">
          <Card>
            <CardHeader>
              <CardTitle>{t('subjectsTaught')}</CardTitle>
            </CardHeader>
            <CardContent>
              {tutor.subjects.length ? (
                <ul className="grid gap-2 text-sm" data-testid="tutor-subjects">
                  {tutor.subjects.map((s) => (
                    <li key={s.subjectId} className="flex flex-wrap items-center justify-between gap-2">
                      <span className="inline-flex items-center gap-2 font-medium">
                        <span className="size-2.5 rounded-full" style={{ backgroundColor: s.color }} aria-hidden />
                        {s.name}
                        {s.archivedAt && <Badge variant="secondary">{tr('showArchived')}</Badge>}
                      </span>
                      <span className="flex flex-wrap gap-1">
                        {s.levels.map((l) => (
                          <Badge key={l} variant="outline">
                            {t(`levelNames.${l}`)}
                          </Badge>
                        ))}
                      </span>
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="text-sm text-muted-foreground">
                  {t('noSubjects')}{' '}
                  <Link href={`/admin/tutors/${tutor.id}/edit`} className="font-medium text-foreground underline-offset-4 hover:underline">
                    {t('addSubjects')}
                  </Link>
                </p>
              )}
            </CardContent>
          </Card>

          {rates && <TutorRatesCard tutorId={tutor.id} rates={rates} />}

          <Card>
            <CardHeader>
              <CardTitle>{t('account')}</CardTitle>
              {!tutor.account && <CardDescription>{t('noAccount')}</CardDescription>}
            </CardHeader>
            <CardContent className="grid gap-3 text-sm">
              {tutor.account ? (
                <>
                  <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2">
                    <Field label={t('accountEmail')}>
                      <span className="break-all">{tutor.account.email}</span>
                    </Field>
                    <Field label={tr('status')}>
                      <AccountStatusBadge status={tutor.account.status} />
                    </Field>
                    <Field label={t('lastSignIn')}>{tutor.account.lastLoginAt ? formatDateTime(tutor.account.lastLoginAt, zone) : t('never')}</Field>
                  </dl>
                  <Button variant="outline" className="w-fit" asChild>
                    <Link href={`/admin/users/${tutor.account.id}`}>
                      <ExternalLink className="size-4" aria-hidden /> {t('manageAccount')}
                    </Link>
                  </Button>
                </>
              ) : tutor.email ? (
                <InviteProfileButton kind="tutor" profileId={tutor.id} name={`${tutor.firstName} ${tutor.lastName}`} email={tutor.email} />
              ) : null}
            </CardContent>
          </Card>
        </div>
      </div>

      {availability && <AvailabilityCards availability={availability} timeZone={zone} forAdmin />}

      <Card>
        <CardHeader>
          <CardTitle>{t('studentsHeading', { count: tutor.students.length })}</CardTitle>
          <CardDescription>{t('studentsHelp')}</CardDescription>
        </CardHeader>
        <CardContent>
          {tutor.students.length ? (
            <Table containerClassName="rounded-lg border max-h-[60vh]" data-testid="tutor-students">
              <TableHeader sticky>
                <TableRow>
                  <TableHead>{tr('name')}</TableHead>
                  <TableHead>{t('subjects')}</TableHead>
                  <TableHead>{tr('status')}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {tutor.students.map((s) => (
                  <TableRow key={s.id}>
                    <TableCell className="font-medium whitespace-nowrap">
                      <Link href={`/admin/students/${s.id}`} className="hover:underline focus-visible:underline">
                        {s.lastName} {s.firstName}
                      </Link>
                    </TableCell>
                    <TableCell>{s.subjects.join(', ')}</TableCell>
                    <TableCell>
                      <Badge variant={s.status === 'active' ? 'success' : s.status === 'paused' ? 'warning' : 'secondary'}>{t(`studentStatuses.${s.status}`)}</Badge>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          ) : (
            <p className="text-sm text-muted-foreground">{t('noStudents')}</p>
          )}
        </CardContent>
      </Card>
      <GdprSection viewer={viewer} kind="tutor" id={tutor.id} />
      <RecordHistory viewer={viewer} entityType="tutor" entityId={tutor.id} />
    </div>
  );
}

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid gap-0.5">
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="font-medium">{children}</dd>
    </div>
  );
}
