import { Download } from 'lucide-react';
import { getTranslations } from 'next-intl/server';
import { Button } from '@/components/ui/button';
import { pathHref } from './url-state';

/** "Export CSV" for a list: the list's `export` route with the view's filters and order. */
export async function ExportLink({ path, params }: { path: string; params: Record<string, string | undefined> }) {
  const t = await getTranslations('records');
  return (
    <Button variant="outline" asChild>
      <a href={pathHref(`${path}/export`, params)} download>
        <Download className="size-4" aria-hidden /> {t('export')}
      </a>
    </Button>
  );
}
