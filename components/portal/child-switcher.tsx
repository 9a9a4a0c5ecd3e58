import { getTranslations } from 'next-intl/server';
import { SegmentedNav } from '@/components/ui/segmented';
import { childLabels } from '@/lib/portal/rules';

type Child = { id: string; firstName: string; lastName: string };

/**
 * One login, several children: a row of links at the top of the parent's pages, one per
 * child, the chosen one marked as the current page. Siblings share a surname, so each is
 * named by first name, in full only when two share one. Nothing for a single child.
 */
export async function ChildSwitcher({ items, selectedId, hrefOf }: { items: Child[]; selectedId: string; hrefOf: (id: string) => string }) {
  if (items.length < 2) return null;
  const t = await getTranslations('portal');
  const labels = childLabels(items);
  return (
    <SegmentedNav
      label={t('childSwitcher')}
      data-testid="child-switcher"
      items={items.map((c, i) => ({ key: c.id, href: hrefOf(c.id), label: labels[i], current: c.id === selectedId }))}
    />
  );
}
