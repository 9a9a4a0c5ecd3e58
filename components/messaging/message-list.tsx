import { getTranslations } from 'next-intl/server';
import type { ThreadMessage } from '@/lib/messaging/queries';
import { formatDateTime } from '@/lib/time';
import { cn } from '@/lib/utils';

/**
 * A thread's messages, oldest first. The text is plain: React renders it as text (never as
 * HTML), keeping the writer's line breaks; long words and links wrap instead of widening
 * the page on a phone.
 */
export async function MessageList({ messages, timeZone }: { messages: ThreadMessage[]; timeZone: string }) {
  const t = await getTranslations('messaging');
  return (
    <ol className="grid grid-cols-1 gap-3" data-testid="message-list" aria-label={t('messagesLabel')}>
      {messages.map((m) => (
        <li key={m.id} className={cn('grid min-w-0 max-w-[min(40rem,92%)] gap-1', m.mine ? 'justify-self-end' : 'justify-self-start')} data-testid="message">
          <p className={cn('flex flex-wrap items-baseline gap-x-2 text-xs text-muted-foreground', m.mine && 'justify-end')}>
            <span className="font-medium text-foreground">{m.mine ? t('you') : m.authorName}</span>
            {!m.mine && m.fromSchool && <span>{t('fromSchool')}</span>}
            <time dateTime={m.createdAt.toISOString()} className="tabular-nums">
              {formatDateTime(m.createdAt, timeZone)}
            </time>
          </p>
          <p
            className={cn(
              'rounded-2xl px-4 py-2.5 text-base whitespace-pre-wrap wrap-anywhere md:text-sm',
              m.mine ? 'rounded-br-sm bg-primary text-primary-foreground' : 'rounded-bl-sm bg-muted text-foreground',
            )}
            data-testid="message-body"
          >
            {m.body}
          </p>
        </li>
      ))}
    </ol>
  );
}
