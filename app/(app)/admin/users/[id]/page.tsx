import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { ArrowLeft } from 'lucide-react';
import { getTranslations } from 'next-intl/server';
import { RoleBadge, StatusBadge } from '@/components/accounts/badges';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { getUserDetail, listLinkCandidates } from '@/lib/accounts/queries';
import { getViewer, requirePage } from '@/lib/auth/viewer';
import { formatDateTime } from '@/lib/time';
import { FamilyLinks } from '@/components/accounts/family-links';
import { UserActions } from './user-actions';

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const viewer = await getViewer();
  const user = viewer ? await getUserDetail(viewer, (await params).id) : undefined;
  return { title: user?.name ?? (await getTranslations('accounts'))('title') };
}

export default async function UserDetailPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requirePage('users.list', 'admin');
  const { id } = await params;
  const user = await getUserDetail(viewer, id);
  if (!user) notFound();
  const t = await getTranslations('accounts');
  const hasFamily = user.role === 'parent' || user.role === 'student';
  const candidates = hasFamily && user.profileId ? await listLinkCandidates(viewer, user.role === 'parent' ? 'students' : 'parents') : [];
  const method = user.role === 'parent' ? t('methodLink') : user.hasPassword ? t('methodPassword') : t('methodPending');

  return (
    <div className="mx-auto grid max-w-4xl grid-cols-1 gap-6">
      <Link href="/admin/users" className="inline-flex w-fit items-center gap-1 text-sm text-muted-foreground hover:text-foreground">
        <ArrowLeft className="size-4" aria-hidden /> {t('backToList')}
      </Link>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="grid gap-2">
          <h1 className="text-2xl font-semibold tracking-tight" data-testid="user-name">
            {user.name}
          </h1>
          <div className="flex flex-wrap items-center gap-2 text-sm text-muted-foreground">
            <RoleBadge role={user.role} />
            <span data-testid="user-status">
              <StatusBadge status={user.status} />
            </span>
            <span>{user.email}</span>
          </div>
        </div>
        <UserActions user={{ id: user.id, name: user.name, email: user.email, role: user.role, status: user.status }} isSelf={user.id === viewer.userId} />
      </div>

      <Card>
        <CardHeader>
          <CardTitle>{t('account')}</CardTitle>
        </CardHeader>
        <CardContent>
          <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
            <Field label={t('emailVerified')} value={user.emailVerified ? formatDateTime(user.emailVerified, viewer.timeZone) : t('notVerified')} />
            <Field label={t('lastSignIn')} value={user.lastLoginAt ? formatDateTime(user.lastLoginAt, viewer.timeZone) : t('never')} />
            <Field label={t('signInMethod')} value={method} />
            <Field label={t('created')} value={formatDateTime(user.createdAt, viewer.timeZone)} />
          </dl>
        </CardContent>
      </Card>

      {hasFamily && user.profileId && (
        <FamilyLinks
          side={user.role === 'parent' ? 'parent' : 'student'}
          profileId={user.profileId}
          links={user.links}
          candidates={candidates.filter((c) => !user.links.some((l) => (user.role === 'parent' ? l.studentId : l.parentId) === c.id))}
        />
      )}
    </div>
  );
}

function Field({ label, value }: { label: string; value: string }) {
  return (
    <div className="grid gap-0.5">
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="font-medium">{value}</dd>
    </div>
  );
}
