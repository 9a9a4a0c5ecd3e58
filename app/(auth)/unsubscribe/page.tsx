import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { getLocale, getTranslations } from 'next-intl/server';
import { AuthCard } from '@/components/auth-card';
import { Notice } from '@/components/ui/notice';
import { getDb } from '@/lib/db';
import { isLocale, LOCALE_COOKIE, type Locale } from '@/lib/i18n/config';
import { resubscribeAction, unsubscribeAction } from '@/lib/notifications/unsubscribe-actions';
import { isLinkUnsubscribed, readUnsubscribeLink, type UnsubscribeLink } from '@/lib/notifications/unsubscribe-requests';
import { SubmitButton } from './submit-button';

export const dynamic = 'force-dynamic';

type Search = Promise<Record<string, string | string[] | undefined>>;

/** The page speaks the school's language, unless the visitor picked one with the switcher. */
async function pageLocale(link: UnsubscribeLink | null): Promise<Locale> {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(chosen)) return chosen;
  if (link && isLocale(link.school.locale)) return link.school.locale;
  const request = await getLocale();
  return isLocale(request) ? request : 'pl';
}

export async function generateMetadata({ searchParams }: { searchParams: Search }): Promise<Metadata> {
  const link = await readUnsubscribeLink(getDb(), await searchParams);
  const t = await getTranslations({ locale: await pageLocale(link), namespace: 'jobs.unsubscribe' });
  return { title: t('title'), robots: { index: false } };
}

/**
 * Where the "unsubscribe from reminders" link of every automatic email leads, without
 * signing in. Opening it changes nothing (mail scanners fetch links): it shows the school
 * and the address and a button, a form POST, that unsubscribes; then a confirmation and a
 * button to subscribe again. A link whose signature does not match gets a plain explanation
 * (a 200 page, never an error). Mail clients' one-click unsubscribe (RFC 8058) POSTs to
 * /api/unsubscribe instead.
 */
export default async function UnsubscribePage({ searchParams }: { searchParams: Search }) {
  const params = await searchParams;
  const db = getDb();
  const link = await readUnsubscribeLink(db, params);
  const locale = await pageLocale(link);
  const t = await getTranslations({ locale, namespace: 'jobs.unsubscribe' });

  if (!link) {
    return (
      <div lang={locale} data-testid="unsubscribe-invalid">
        <AuthCard title={t('invalidTitle')} description={t('invalidBody')}>
          {null}
        </AuthCard>
      </div>
    );
  }

  const unsubscribed = await isLinkUnsubscribed(db, link);
  const outcome = typeof params.r === 'string' ? params.r : undefined;
  const hidden = (
    <>
      <input type="hidden" name="s" value={link.school.id} />
      <input type="hidden" name="e" value={link.email} />
      <input type="hidden" name="t" value={String(params.t)} />
    </>
  );
  const names = { email: link.email, school: link.school.name };

  return (
    <div lang={locale} className="[overflow-wrap:anywhere]" data-testid="unsubscribe-page" data-state={unsubscribed ? 'unsubscribed' : 'subscribed'}>
      <AuthCard
        title={unsubscribed ? t('doneTitle') : t('title')}
        description={<span data-testid="unsubscribe-description">{unsubscribed ? t('doneBody', names) : t('question', names)}</span>}
      >
        {outcome === 'limited' && <Notice tone="error">{t('rateLimited')}</Notice>}
        {unsubscribed ? (
          <>
            {outcome === 'out' && <Notice tone="success">{t('justDone')}</Notice>}
            <form action={resubscribeAction} className="grid gap-3">
              {hidden}
              <SubmitButton label={t('undo')} pendingLabel={t('working')} variant="outline" />
            </form>
          </>
        ) : (
          <>
            {outcome === 'in' && <Notice tone="success">{t('resubscribed')}</Notice>}
            <form action={unsubscribeAction} className="grid gap-3">
              {hidden}
              <SubmitButton label={t('button')} pendingLabel={t('working')} />
            </form>
            <p className="text-sm text-muted-foreground">{t('stillSent')}</p>
          </>
        )}
        {link.school.email && (
          <p className="text-sm text-muted-foreground">
            {t('contact')}{' '}
            <a href={`mailto:${link.school.email}`} className="underline underline-offset-4">
              {link.school.email}
            </a>
          </p>
        )}
      </AuthCard>
    </div>
  );
}
