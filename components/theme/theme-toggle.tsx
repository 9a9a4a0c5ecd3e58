'use client';

import { Moon, Sun } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { OnDemand } from '@/components/ui/on-demand';

/** The menu's code (Radix dropdown menu) comes with the first use, not with the page. */
const loadThemeMenu = () => import('./theme-menu').then((m) => m.ThemeMenu);

export function ThemeToggle() {
  const t = useTranslations('theme');
  return (
    <OnDemand
      load={loadThemeMenu}
      popup="menu"
      props={{}}
      trigger={
        <Button variant="ghost" size="icon" className="size-11 md:size-9" aria-label={t('toggle')} data-testid="theme-toggle">
          <Sun className="size-5 scale-100 rotate-0 transition-all dark:scale-0 dark:-rotate-90" aria-hidden />
          <Moon className="absolute size-5 scale-0 rotate-90 transition-all dark:scale-100 dark:rotate-0" aria-hidden />
        </Button>
      }
    />
  );
}
