import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { ArrowLeft, ExternalLink } from 'lucide-react';
import { getTranslations } from 'next-intl/server';
import { StatusBadge } from '@/components/accounts/badges';
import { InviteProfileButton } from '@/components/accounts/invite-profile-button';
import { PayerAccountCard } from '@/components/invoices/payer-account-card';
import { PageHeader } from '@/components/list/page-header';
import { StudentStatusBadge } from '@/components/students/student-badges';
import { Badge } from '@/components/ui/badge';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { GdprSection } from '@/components/gdpr/gdpr-section';
import { requirePage } from '@/lib/auth/viewer';
import { getParent, parentDeletionBlockers } from '@/lib/parents/queries';
import { formatNip } from '@/lib/parents/schema';
import { formatDate, formatDateTime } from '@/lib/time';
import { ParentActions } from './parent-actions';
import { RecordHistory } from '@/components/audit/record-history';

type Params = Promise<{ id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const viewer = await requirePage('records.manage', 'admin');
  const parent = await getParent(viewer, (await params).id);
  return { title: parent ? `${parent.firstName} ${parent.lastName}` : (await getTranslations('parents'))('title') };
}

export default async function ParentPage({ params }: { params: Params }) {
  const viewer = await requirePage('records.manage', 'admin');
  const { id } = await params;
  const [parent, blockers] = await Promise.all([getParent(viewer, id), parentDeletionBlockers(viewer, id)]);
  if (!parent) notFound();
  const [t, tr, tb] = await Promise.all([getTranslations('parents'), getTranslations('records'), getTranslations('parents.blockers')]);
  const name = `${parent.firstName} ${parent.lastName}`;
  const blockerItems = Object.entries(blockers ?? {}).map(([k, n]) => tb(k, { count: n }));
  const alsoRemoved = [
    ...(parent.children.length ? [t('linksRemoved', { count: parent.children.length })] : []),
    ...(parent.account && !parent.account.lastLoginAt ? [t('unusedAccount')] : []),
  ];
  const isCompany = parent.billingType === 'company';

  return (
    <div className="mx-auto grid max-w-6xl grid-cols-1 gap-6">
      <Link href="/admin/parents" className="inline-flex w-fit items-center gap-1 text-sm text-muted-foreground hover:text-foreground">
        <ArrowLeft className="size-4" aria-hidden /> {tr('backTo', { list: t('title') })}
      </Link>
      <PageHeader
        testId="parent-name"
        title={
          <span className="flex flex-wrap items-center gap-2">
            {name}
            {parent.archivedAt && <Badge variant="secondary">{t('archivedBadge')}</Badge>}
            {isCompany && <Badge variant="outline">{t('companyBadge')}</Badge>}
          </span>
        }
        description={parent.email}
        actions={
          // An anonymised record is history: nothing to edit, restore or delete.
          parent.anonymisedAt ? null : (
            <ParentActions
              parent={{ id: parent.id, name, isArchived: Boolean(parent.archivedAt) }}
              deleteAlsoRemoves={alsoRemoved.length ? alsoRemoved.join(', ') : null}
              deleteBlockedBy={blockerItems.length ? tr('cannotDelete', { items: blockerItems.join(', ') }) : null}
            />
          )
        }
      />

      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>{t('contact')}</CardTitle>
          </CardHeader>
          <CardContent>
            <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
              <Field label={t('email')}>
                <a href={`mailto:${parent.email}`} className="break-all hover:underline">
                  {parent.email}
                </a>
              </Field>
              <Field label={t('phone')}>
                {parent.phone ? (
                  <a href={`tel:${parent.phone.replace(/[^\d+]/g, '')}`} className="tabular-nums hover:underline">
                    {parent.phone}
                  </a>
                ) : (
                  tr('none')
                )}
              </Field>
              <Field label={t('language')}>{parent.preferredLanguage === 'en' ? t('languages.en') : t('languages.pl')}</Field>
              <Field label={t('added')}>{formatDate(parent.createdAt, viewer.timeZone)}</Field>
              {parent.archivedAt && <Field label={t('archivedBadge')}>{formatDate(parent.archivedAt, viewer.timeZone)}</Field>}
            </dl>
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>{t('billing')}</CardTitle>
            <CardDescription>{isCompany ? t('billingCompany') : t('billingPerson')}</CardDescription>
          </CardHeader>
          <CardContent>
            <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2" data-testid="parent-billing">
              {isCompany ? (
                <>
                  <Field label={t('companyName')}>{parent.companyName}</Field>
                  <Field label={t('companyNip')}>
                    <span className="tabular-nums">{formatNip(parent.companyNip)}</span>
                  </Field>
                  <Field label={t('companyAddress')} wide>
                    <span className="whitespace-pre-line">{parent.companyAddress}</span>
                  </Field>
                </>
              ) : (
                <>
                  <Field label={t('billingName')}>{parent.billingName ?? name}</Field>
                  <Field label={t('billingAddress')} wide>
                    {parent.billingAddress ? <span className="whitespace-pre-line">{parent.billingAddress}</span> : <span className="text-muted-foreground">{t('noAddress')}</span>}
                  </Field>
                </>
              )}
            </dl>
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>{t('children')}</CardTitle>
            <CardDescription>{parent.children.length ? t('linksHint') : t('noChildren')}</CardDescription>
          </CardHeader>
          {parent.children.length > 0 && (
            <CardContent>
              <ul className="divide-y rounded-md border" data-testid="parent-children">
                {parent.children.map((c) => (
                  <li key={c.studentId} className="flex flex-wrap items-center gap-2 px-3 py-2">
                    <Link href={`/admin/students/${c.studentId}`} className="min-w-32 flex-1 font-medium hover:underline focus-visible:underline">
                      {c.name}
                    </Link>
                    {c.status !== 'active' && <StudentStatusBadge status={c.status} />}
                    <Badge variant="outline">{t(`accessLevels.${c.access}`)}</Badge>
                    {c.isPayer ? <Badge variant="success">{t('payerYes')}</Badge> : <Badge variant="secondary">{t('payerNo')}</Badge>}
                  </li>
                ))}
              </ul>
            </CardContent>
          )}
        </Card>

        <PayerAccountCard viewer={viewer} payerKey={parent.id} />

        <Card>
          <CardHeader>
            <CardTitle>{t('account')}</CardTitle>
            {!parent.account && <CardDescription>{t('noAccount')}</CardDescription>}
          </CardHeader>
          {!parent.account && (
            <CardContent>
              <InviteProfileButton kind="parent" profileId={parent.id} name={`${parent.firstName} ${parent.lastName}`} email={parent.email} />
            </CardContent>
          )}
          {parent.account && (
            <CardContent className="grid gap-3">
              <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
                <Field label={t('accountStatus')}>
                  <StatusBadge status={parent.account.status} />
                </Field>
                <Field label={t('lastSignIn')}>{parent.account.lastLoginAt ? formatDateTime(parent.account.lastLoginAt, viewer.timeZone) : t('never')}</Field>
              </dl>
              <Link href={`/admin/users/${parent.account.id}`} className="inline-flex w-fit items-center gap-1 text-sm text-muted-foreground hover:text-foreground hover:underline">
                {t('openAccount')} <ExternalLink className="size-3.5" aria-hidden />
              </Link>
            </CardContent>
          )}
        </Card>

        <GdprSection viewer={viewer} kind="parent" id={parent.id} />
      </div>
      <RecordHistory viewer={viewer} entityType="parent" entityId={parent.id} />
    </div>
  );
}

function Field({ label, children, wide }: { label: string; children: React.ReactNode; wide?: boolean }) {
  return (
    <div className={wide ? 'grid gap-0.5 sm:col-span-2' : 'grid gap-0.5'}>
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="font-medium">{children}</dd>
    </div>
  );
}
