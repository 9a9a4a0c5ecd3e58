import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { Button } from '@/components/ui/button';
import { safePath } from '@/lib/auth/safe-path';
import { AuthCard } from '@/components/auth-card';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('confirm'))('title'), robots: { index: false } };
}

type Search = Promise<{ token?: string; email?: string; callbackUrl?: string }>;

/**
 * The page a magic link opens. Opening it changes nothing: only the button, a form GET to
 * Auth.js's callback, uses the token. Mail scanners fetch links but do not submit forms.
 */
export default async function ConfirmSignInPage({ searchParams }: { searchParams: Search }) {
  const { token = '', email = '', callbackUrl } = await searchParams;
  const next = safePath(callbackUrl) ?? '/';
  const t = await getTranslations('confirm');
  return (
    <AuthCard title={t('title')} description={t('description', { email })}>
      <form method="get" action="/api/auth/callback/email" className="grid gap-4">
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name="email" value={email} />
        <input type="hidden" name="callbackUrl" value={next} />
        <Button type="submit" size="lg">
          {t('button')}
        </Button>
        <p className="text-sm text-muted-foreground">{t('why')}</p>
      </form>
    </AuthCard>
  );
}
