'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('errors');
  return (
    <div className="mx-auto grid min-h-[60dvh] max-w-md place-content-center gap-3 px-4 text-center">
      <h1 className="text-2xl font-semibold">{t('serverTitle')}</h1>
      <p className="text-muted-foreground">{t('serverBody')}</p>
      <Button onClick={reset} className="justify-self-center">
        {t('retry')}
      </Button>
    </div>
  );
}
