'use client';

import { useEffect, useRef, useState } from 'react';
import { Check, Copy } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { cn } from '@/lib/utils';

/**
 * Puts `value` on the clipboard, so a parent can paste the account, amount or transfer title
 * into their banking app instead of typing it. The button names what it copies ("Kopiuj numer
 * konta"); after a copy it says so for a moment, also to screen readers. Where the Clipboard API
 * is missing (a page served over plain http on a school's network) a hidden textarea does it.
 */
export function CopyButton({ value, what, className }: { value: string; what: string; className?: string }) {
  const t = useTranslations('invoices.parent');
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  async function copy() {
    const ok = await writeClipboard(value);
    setState(ok ? 'copied' : 'failed');
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setState('idle'), 2500);
  }

  return (
    <>
      <Button
        type="button"
        variant="outline"
        size="sm"
        onClick={copy}
        className={cn('min-h-11 min-w-11 sm:min-h-9', className)}
        aria-label={t('copy', { what })}
        data-testid="copy-button"
        data-value={value}
      >
        {state === 'copied' ? <Check className="size-4 text-success" aria-hidden /> : <Copy className="size-4" aria-hidden />}
        <span className="hidden sm:inline">{state === 'copied' ? t('copied') : t('copyShort')}</span>
      </Button>
      <span role="status" className="sr-only">
        {state === 'copied' ? t('copiedWhat', { what }) : state === 'failed' ? t('copyFailed') : ''}
      </span>
    </>
  );
}

async function writeClipboard(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Refused (no permission, page not focused): try the old way below.
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
  }
}
