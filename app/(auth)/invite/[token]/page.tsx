import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { Button } from '@/components/ui/button';
import { AuthCard } from '@/components/auth-card';
import { peekAccountToken } from '@/lib/auth/sign-in';
import { getSchoolName } from '@/lib/schools/queries';
import { AccountLinkForm } from './account-link-form';

export const metadata: Metadata = { robots: { index: false } };

/** Invitation and password-reset links land here. Opening the page uses nothing up; the form does. */
export default async function AccountLinkPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations('accounts');
  const found = token.length <= 100 ? await peekAccountToken(token) : null;
  if (!found) {
    return (
      <AuthCard title={t('linkInvalidTitle')} description={t('linkInvalidBody')}>
        <Button asChild className="justify-self-start">
          <Link href="/login">{t('goToLogin')}</Link>
        </Button>
      </AuthCard>
    );
  }
  const school = await getSchoolName(found.user.schoolId);
  const isParent = found.user.role === 'parent';
  const title = isParent ? t('openPortal') : found.purpose === 'password_reset' ? t('resetTitle') : t('passwordTitle');
  return (
    <AuthCard title={title} description={t(isParent ? 'parentIntro' : 'passwordIntro', { school, name: found.user.name })}>
      <AccountLinkForm token={token} needsPassword={!isParent} email={found.user.email} />
    </AuthCard>
  );
}
