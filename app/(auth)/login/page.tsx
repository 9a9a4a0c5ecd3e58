import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { AuthCard } from '@/components/auth-card';
import { Notice } from '@/components/ui/notice';
import { LoginForms } from './login-forms';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('login'))('title') };
}

type Search = Promise<{ expired?: string; signedOut?: string; error?: string; callbackUrl?: string; tab?: string; email?: string }>;

export default async function LoginPage({ searchParams }: { searchParams: Search }) {
  const params = await searchParams;
  const t = await getTranslations('login');
  // Auth.js sends a used or expired magic link here with error=Verification.
  const notice = params.error === 'Verification' ? { tone: 'error' as const, text: t('linkInvalid') }
    : params.error ? { tone: 'error' as const, text: t('genericError') }
    : params.expired ? { tone: 'warning' as const, text: t('expired') }
    : params.signedOut ? { tone: 'info' as const, text: t('signedOut') }
    : null;
  return (
    <AuthCard title={t('title')} description={t('subtitle')}>
      {notice && (
        <Notice tone={notice.tone} data-testid="login-notice">
          {notice.text}
        </Notice>
      )}
      <LoginForms
        callbackUrl={params.callbackUrl}
        initialTab={params.tab === 'link' || params.error === 'Verification' ? 'link' : 'password'}
        initialEmail={params.email}
      />
    </AuthCard>
  );
}
