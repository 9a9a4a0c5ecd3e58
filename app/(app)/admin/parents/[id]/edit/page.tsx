import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { ArrowLeft } from 'lucide-react';
import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/list/page-header';
import { requirePage } from '@/lib/auth/viewer';
import { getParent } from '@/lib/parents/queries';
import { ParentForm } from '../../parent-form';

type Params = Promise<{ id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const viewer = await requirePage('records.manage', 'admin');
  const parent = await getParent(viewer, (await params).id);
  const t = await getTranslations('parents');
  return { title: parent ? t('editTitle', { name: `${parent.firstName} ${parent.lastName}` }) : t('title') };
}

export default async function EditParentPage({ params }: { params: Params }) {
  const viewer = await requirePage('records.manage', 'admin');
  const parent = await getParent(viewer, (await params).id);
  if (!parent) notFound();
  const t = await getTranslations('parents');
  const name = `${parent.firstName} ${parent.lastName}`;
  return (
    <div className="mx-auto grid max-w-3xl grid-cols-1 gap-6">
      <Link href={`/admin/parents/${parent.id}`} className="inline-flex w-fit items-center gap-1 text-sm text-muted-foreground hover:text-foreground">
        <ArrowLeft className="size-4" aria-hidden /> {t('backToParent', { name })}
      </Link>
      <PageHeader title={t('editTitle', { name })} description={t('editDescription')} />
      <ParentForm
        parent={{
          id: parent.id,
          firstName: parent.firstName,
          lastName: parent.lastName,
          email: parent.email,
          phone: parent.phone,
          preferredLanguage: parent.preferredLanguage,
          billingType: parent.billingType,
          billingName: parent.billingName,
          billingAddress: parent.billingAddress,
          companyName: parent.companyName,
          companyNip: parent.companyNip,
          companyAddress: parent.companyAddress,
        }}
      />
    </div>
  );
}
