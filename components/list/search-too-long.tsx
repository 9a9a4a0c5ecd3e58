import { getTranslations } from 'next-intl/server';
import { Notice } from '@/components/ui/notice';
import { SEARCH_MAX } from '@/lib/list/filters';

/** Said beside the search box when the search was too long to run. */
export async function SearchTooLong() {
  const t = await getTranslations('records');
  return (
    <Notice tone="error" data-testid="search-too-long">
      {t('searchTooLong', { max: SEARCH_MAX })}
    </Notice>
  );
}
