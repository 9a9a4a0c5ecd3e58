'use client';

import { LogOut } from 'lucide-react';
import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
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
import { useHandover, type Handover } from '@/components/ui/on-demand';
import { signOutAction } from '@/lib/auth/actions';
import { setLocaleAction } from '@/lib/i18n/actions';
import { localeNames, locales } from '@/lib/i18n/config';
import type { ShellUser } from './app-shell';

/**
 * The header's user menu: who is signed in, the language, signing out. Loaded on first use
 * (see `OnDemand`); `trigger` is the header's button.
 */
export function UserMenu({ user, trigger, ...handover }: { user: ShellUser } & Handover) {
  const t = useTranslations();
  const triggerRef = useHandover(handover);
  return (
    // Not modal: a menu, unlike a dialog, leaves the page readable (nothing hidden behind it).
    <DropdownMenu modal={false}>
      <DropdownMenuTrigger asChild ref={triggerRef}>
        {trigger}
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
