import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
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
    <Card className="shadow-sm">
      <CardHeader>
        <CardTitle className="text-2xl">
          <h1>{t('title')}</h1>
        </CardTitle>
        <CardDescription>{t('subtitle')}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        {notice && (
          <p
            role={notice.tone === 'error' ? 'alert' : 'status'}
            data-testid="login-notice"
            className={
              notice.tone === 'error'
                ? 'rounded-md border border-destructive/40 bg-destructive/10 px-3 py-2 text-sm text-destructive'
                : notice.tone === 'warning'
                  ? 'rounded-md border border-warning/50 bg-warning/15 px-3 py-2 text-sm'
                  : 'rounded-md border bg-muted px-3 py-2 text-sm'
            }
          >
            {notice.text}
          </p>
        )}
        <LoginForms
          callbackUrl={params.callbackUrl}
          initialTab={params.tab === 'link' || params.error === 'Verification' ? 'link' : 'password'}
          initialEmail={params.email}
        />
      </CardContent>
    </Card>
  );
}
