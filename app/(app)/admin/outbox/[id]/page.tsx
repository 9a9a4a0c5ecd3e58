import { ArrowLeft, LockKeyhole } from 'lucide-react';
import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { OutboxStatusBadge } from '@/components/email/outbox-status-badge';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { requirePage } from '@/lib/auth/viewer';
import { getOutboxMessage } from '@/lib/email/queries';
import { formatDateTime } from '@/lib/time';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('outbox'))('title') };
}

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid gap-1 sm:grid-cols-[10rem_minmax(0,1fr)] sm:gap-4">
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </div>
  );
}

/**
 * One sent email. Sign-in and invitation emails show that they went, never their link: an
 * admin must not be able to sign in as the person it was sent to.
 */
export default async function OutboxMessagePage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requirePage('outbox.read', 'admin');
  const { id } = await params;
  const [t, message] = await Promise.all([getTranslations('outbox'), getOutboxMessage(viewer, id)]);
  if (!message) notFound();
  const { timeZone } = viewer;
  const time = (date: Date) => <time dateTime={date.toISOString()}>{formatDateTime(date, timeZone)}</time>;

  return (
    <div className="mx-auto grid w-full max-w-6xl grid-cols-1 gap-6">
      <Button variant="ghost" size="sm" asChild className="-ml-3 justify-self-start">
        <Link href="/admin/outbox">
          <ArrowLeft aria-hidden />
          {t('detail.back')}
        </Link>
      </Button>

      <div className="grid gap-2">
        <h1 className="text-2xl font-semibold tracking-tight break-words">{message.subject}</h1>
        <div className="flex flex-wrap items-center gap-2 text-sm text-muted-foreground">
          <OutboxStatusBadge status={message.status} />
          <span className="min-w-0 break-all">{message.toAddress}</span>
        </div>
      </div>

      <Card>
        <CardHeader>
          <CardTitle>
            <h2>{t('detail.details')}</h2>
          </CardTitle>
        </CardHeader>
        <CardContent>
          <dl className="grid gap-3 text-sm">
            <Field label={t('detail.to')}>{message.toAddress}</Field>
            <Field label={t('detail.template')}>
              <span className="font-mono text-xs">{message.template}</span>
            </Field>
            <Field label={t('detail.status')}>
              <span className="grid gap-1">
                <span>{t(`status.${message.status}`)}</span>
                <span className="text-muted-foreground">{t(`statusHelp.${message.status}`)}</span>
              </span>
            </Field>
            <Field label={t('detail.createdAt')}>{time(message.createdAt)}</Field>
            <Field label={t('detail.sentAt')}>{message.sentAt ? time(message.sentAt) : <span className="text-muted-foreground">{t('detail.notSent')}</span>}</Field>
            {message.error && (
              <Field label={t('detail.error')}>
                <span className="font-mono text-xs text-destructive">{message.error}</span>
              </Field>
            )}
          </dl>
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>
            <h2>{t('detail.body')}</h2>
          </CardTitle>
        </CardHeader>
        <CardContent className="grid gap-4">
          {message.bodyHidden ? (
            <div className="flex items-start gap-3 rounded-lg border bg-muted/50 p-4 text-sm">
              <LockKeyhole className="mt-0.5 size-4 shrink-0 text-muted-foreground" aria-hidden />
              <p>{t('detail.bodyHidden')}</p>
            </div>
          ) : (
            <>
              {/* An empty sandbox: no scripts, forms, popups or same-origin access for the email's HTML. */}
              <iframe
                sandbox=""
                srcDoc={message.html}
                title={t('detail.bodyFrameTitle')}
                referrerPolicy="no-referrer"
                className="h-[70vh] min-h-96 w-full rounded-md border bg-white"
              />
              <details className="text-sm">
                <summary className="cursor-pointer font-medium">{t('detail.plainText')}</summary>
                <pre className="mt-2 max-h-96 overflow-auto rounded-md border bg-muted/50 p-3 font-mono text-xs whitespace-pre-wrap break-words">
                  {message.text}
                </pre>
              </details>
            </>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
