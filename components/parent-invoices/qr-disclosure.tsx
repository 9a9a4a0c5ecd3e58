'use client';

import { useId, useState } from 'react';
import { ChevronDown, QrCode } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { cn } from '@/lib/utils';

/**
 * The transfer QR code of an unpaid invoice: always in view from `sm` up (scanned off the
 * screen with the phone), behind "Pokaż kod QR" on a phone, where the banking app is on the
 * same screen and the code only adds length (it is still there to show or screenshot). The
 * panel is a grid item of the invoice: the caller places it (beside the amount and title when
 * the invoice is wide enough).
 */
export function QrDisclosure({ children, className }: { children: React.ReactNode; className?: string }) {
  const t = useTranslations('invoices.parent');
  const [open, setOpen] = useState(false);
  const panel = useId();
  return (
    <>
      <Button
        type="button"
        variant="outline"
        size="sm"
        className="min-h-11 justify-self-start sm:hidden"
        aria-expanded={open}
        aria-controls={panel}
        onClick={() => setOpen((v) => !v)}
        data-testid="payment-qr-toggle"
      >
        <QrCode className="size-4" aria-hidden />
        {open ? t('qrHide') : t('qrShow')}
        <ChevronDown className={cn('size-4 transition-transform', open && 'rotate-180')} aria-hidden />
      </Button>
      <div id={panel} className={cn(open ? 'block' : 'hidden', 'sm:block', className)}>
        {children}
      </div>
    </>
  );
}
