'use client';

import { Menu } from 'lucide-react';
import { useTranslations } from 'next-intl';
import type { Role } from '@/db/schema';
import { Brand } from '@/components/brand';
import { CommandPalette } from '@/components/palette/command-palette';
import { ThemeToggle } from '@/components/theme/theme-toggle';
import { Avatar } from '@/components/ui/avatar';
import { Button } from '@/components/ui/button';
import { OnDemand } from '@/components/ui/on-demand';
import { cn } from '@/lib/utils';
import { Nav } from './nav';

/**
 * The user menu and the phone drawer come with their first use, not with the page: their Radix
 * parts (menu positioning, focus trap, scroll lock) are code most visits never run.
 */
const loadUserMenu = () => import('./user-menu').then((m) => m.UserMenu);
const loadPhoneDrawer = () => import('./phone-drawer').then((m) => m.PhoneDrawer);

export type ShellUser = { name: string; email: string; role: Role };

/**
 * Sidebar navigation for the role, a header with the school's name, the staff's search
 * (`canSearch`: admins and tutors, decided by the server) and the user menu; a drawer on phones.
 */
export function AppShell({
  schoolName,
  user,
  canSearch = false,
  unread = 0,
  children,
}: {
  schoolName: string;
  user: ShellUser;
  canSearch?: boolean;
  /** Unread messages, shown beside the messages link. */
  unread?: number;
  children: React.ReactNode;
}) {
  const t = useTranslations();
  const brand = <Brand name={t('common.appName')} className="px-3" />;
  return (
    <div className="flex min-h-dvh">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-background focus:px-3 focus:py-2">
        {t('common.skipToContent')}
      </a>
      <aside className="sticky top-0 hidden h-dvh w-60 shrink-0 flex-col gap-6 border-r bg-sidebar py-4 md:flex">
        {brand}
        {/* Scrolls by itself when the menu is taller than the window (the admin has 18 entries; a laptop is 720 px tall). */}
        <div className="-mb-4 min-h-0 flex-1 overflow-y-auto px-2 pb-4">
          <Nav role={user.role} unread={unread} />
        </div>
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="sticky top-0 z-30 flex h-14 items-center gap-2 border-b bg-background/95 px-3 backdrop-blur sm:px-6">
          <OnDemand
            load={loadPhoneDrawer}
            popup="dialog"
            props={{ role: user.role, unread, brand, closeLabel: t('common.close') }}
            trigger={
              <Button variant="ghost" size="icon" className="size-11 md:hidden" aria-label={t('nav.openMenu')}>
                <Menu className="size-5" aria-hidden />
              </Button>
            }
          />
          <p className="min-w-0 flex-1 truncate font-medium" data-testid="school-name">
            {schoolName}
          </p>
          {canSearch && (user.role === 'admin' || user.role === 'tutor') && <CommandPalette role={user.role} />}
          <ThemeToggle />
          <OnDemand
            load={loadUserMenu}
            popup="menu"
            props={{ user }}
            trigger={
              // No aria-label: the name is built from what the button shows (initials, and the
              // person's name from lg up), so a voice user can say what they see (WCAG 2.5.3).
              <Button variant="ghost" className="h-11 gap-2 px-2 md:h-9" data-testid="user-menu">
                <Avatar name={user.name} className="size-8" />
                <span className="sr-only max-w-40 truncate text-sm lg:not-sr-only">{user.name}</span>
                <span className="sr-only">{t('userMenu.label')}</span>
              </Button>
            }
          />
        </header>
        <main id="main" className={cn('flex-1 px-4 py-6 sm:px-6 lg:px-8', user.role === 'parent' && 'text-base')}>
          {children}
        </main>
      </div>
    </div>
  );
}
