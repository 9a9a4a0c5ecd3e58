'use client';

import { SendHorizontal } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { FormField, fieldProps } from '@/components/ui/form-field';
import { Textarea } from '@/components/ui/textarea';
import { replyAction } from '@/lib/messaging/actions';
import { BODY_MAX } from '@/lib/messaging/schema';

/** The answer box under a thread: Ctrl+Enter (⌘+Enter) sends, as in most mail and chat apps. */
export function ReplyForm({ threadId }: { threadId: string }) {
  const t = useTranslations('messaging');
  const router = useRouter();
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();

  const send = () =>
    start(async () => {
      const result = await replyAction({ threadId, body });
      if (result.ok) {
        setBody('');
        setError(null);
        toast.success(t('sent'));
        router.refresh();
      } else setError(result.fieldErrors?.body?.[0] ?? result.message);
    });

  return (
    <form
      className="grid min-w-0 grid-cols-1 gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        send();
      }}
      data-testid="reply-form"
    >
      <FormField id="reply-body" label={t('replyLabel')} error={error}>
        <Textarea
          {...fieldProps('reply-body', error)}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !pending) {
              e.preventDefault();
              send();
            }
          }}
          rows={4}
          maxLength={BODY_MAX}
          placeholder={t('replyPlaceholder')}
          className="min-h-28 text-base md:text-sm"
        />
      </FormField>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-xs text-muted-foreground">{t('sendHint')}</p>
        <Button type="submit" disabled={pending} className="min-h-11 md:min-h-9">
          <SendHorizontal className="size-4" aria-hidden />
          {pending ? t('sending') : t('send')}
        </Button>
      </div>
    </form>
  );
}
