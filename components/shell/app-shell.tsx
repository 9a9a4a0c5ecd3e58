'use client';

import { LogOut, Menu } from 'lucide-react';
import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import type { Role } from '@/db/schema';
import { Brand } from '@/components/brand';
import { CommandPalette } from '@/components/palette/command-palette';
import { ThemeToggle } from '@/components/theme/theme-toggle';
import { Avatar } from '@/components/ui/avatar';
import { Button } from '@/components/ui/button';
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from '@/components/ui/dropdown-menu';
import { Sheet, SheetContent, SheetHeader, SheetTitle, SheetTrigger } from '@/components/ui/sheet';
import { signOutAction } from '@/lib/auth/actions';
import { setLocaleAction } from '@/lib/i18n/actions';
import { localeNames, locales } from '@/lib/i18n/config';
import { cn } from '@/lib/utils';
import { Nav } from './nav';

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
  const [open, setOpen] = useState(false);
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
          <Sheet open={open} onOpenChange={setOpen}>
            <SheetTrigger asChild>
              <Button variant="ghost" size="icon" className="size-11 md:hidden" aria-label={t('nav.openMenu')}>
                <Menu className="size-5" aria-hidden />
              </Button>
            </SheetTrigger>
            <SheetContent side="left" className="w-72 gap-6 bg-sidebar py-4" closeLabel={t('common.close')}>
              <SheetHeader className="p-0">
                <SheetTitle asChild>{brand}</SheetTitle>
              </SheetHeader>
              <div className="px-2">
                <Nav role={user.role} unread={unread} onNavigate={() => setOpen(false)} />
              </div>
            </SheetContent>
          </Sheet>
          <p className="min-w-0 flex-1 truncate font-medium" data-testid="school-name">
            {schoolName}
          </p>
          {canSearch && (user.role === 'admin' || user.role === 'tutor') && <CommandPalette role={user.role} />}
          <ThemeToggle />
          {/* Not modal: a menu, unlike a dialog, leaves the page readable (nothing hidden behind it). */}
          <DropdownMenu modal={false}>
            <DropdownMenuTrigger asChild>
              {/* No aria-label: the name is built from what the button shows (initials, and the
                  person's name from lg up), so a voice user can say what they see (WCAG 2.5.3). */}
              <Button variant="ghost" className="h-11 gap-2 px-2 md:h-9" data-testid="user-menu">
                <Avatar name={user.name} className="size-8" />
                <span className="sr-only max-w-40 truncate text-sm lg:not-sr-only">{user.name}</span>
                <span className="sr-only">{t('userMenu.label')}</span>
              </Button>
            </DropdownMenuTrigger>
            <DropdownMenuContent align="end" className="w-64">
              <DropdownMenuLabel className="grid gap-0.5 font-normal">
                <span className="text-xs text-muted-foreground">{t('userMenu.signedInAs')}</span>
                <span className="truncate font-medium">{user.name}</span>
                <span className="truncate text-xs text-muted-foreground">
                  {user.email} · {t(`roles.${user.role}`)}
                </span>
              </DropdownMenuLabel>
              <DropdownMenuSeparator />
              <LanguageItems />
              <DropdownMenuSeparator />
              <DropdownMenuItem onSelect={() => void signOutAction()} data-testid="sign-out">
                <LogOut className="size-4" aria-hidden />
                {t('userMenu.signOut')}
              </DropdownMenuItem>
            </DropdownMenuContent>
          </DropdownMenu>
        </header>
        <main id="main" className={cn('flex-1 px-4 py-6 sm:px-6 lg:px-8', user.role === 'parent' && 'text-base')}>
          {children}
        </main>
      </div>
    </div>
  );
}

/** The language choice as menu items: a menu may hold only menu items, not buttons. */
function LanguageItems() {
  const t = useTranslations('common');
  const current = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <>
      <DropdownMenuLabel className="text-xs font-normal text-muted-foreground">{t('language')}</DropdownMenuLabel>
      <DropdownMenuRadioGroup
        aria-label={t('language')}
        value={current}
        onValueChange={(locale) =>
          startTransition(async () => {
            await setLocaleAction(locale);
            router.refresh();
          })
        }
      >
        {locales.map((locale) => (
          <DropdownMenuRadioItem key={locale} value={locale} lang={locale} disabled={pending}>
            {localeNames[locale]}
          </DropdownMenuRadioItem>
        ))}
      </DropdownMenuRadioGroup>
    </>
  );
}
