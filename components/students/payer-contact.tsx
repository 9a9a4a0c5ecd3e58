import { Mail, Phone } from 'lucide-react';
import { useTranslations } from 'next-intl';
import type { PayerContact as Contact } from '@/lib/students/queries';
import { cn } from '@/lib/utils';

/** A phone number as a `tel:` URL: digits and a leading plus only. */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}

/**
 * Who pays for a student and how to reach them: the name (or "pays for themself"), the phone
 * as a `tel:` link and the e-mail as a `mailto:` link, so a tutor on a phone calls with one tap.
 * `compact` for a table cell from xl up (below it, on a phone, each line keeps the larger tap
 * area of the default).
 */
export function PayerContact({ contact, compact = false }: { contact: Contact | null | undefined; compact?: boolean }) {
  const t = useTranslations('portal');
  if (!contact) return <span className="text-muted-foreground">{t('noPayer')}</span>;
  const line = cn('inline-flex max-w-full items-center gap-1.5 text-primary underline-offset-4 hover:underline focus-visible:underline', compact ? 'min-h-10 xl:min-h-6' : 'min-h-10');
  return (
    <div className="grid min-w-0 justify-items-start gap-0.5" data-testid="payer-contact">
      <span className={cn('font-medium', compact && 'xl:text-sm')}>
        {contact.name}
        {contact.kind === 'self' && <span className="font-normal text-muted-foreground"> · {t('payerSelf')}</span>}
      </span>
      {contact.phone && (
        <a href={telHref(contact.phone)} className={line} data-testid="payer-phone">
          <Phone className="size-3.5 shrink-0" aria-hidden />
          <span className="whitespace-nowrap">{contact.phone}</span>
        </a>
      )}
      {contact.email && (
        <a href={`mailto:${contact.email}`} className={line} data-testid="payer-email">
          <Mail className="size-3.5 shrink-0" aria-hidden />
          <span className="truncate">{contact.email}</span>
        </a>
      )}
      {!contact.phone && !contact.email && <span className="text-sm text-muted-foreground">{t('noContact')}</span>}
    </div>
  );
}
