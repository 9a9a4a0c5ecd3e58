'use client';

import { Search } from 'lucide-react';
import dynamic from 'next/dynamic';
import { useTranslations } from 'next-intl';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { Button } from '@/components/ui/button';
import { CommandShortcut } from '@/components/ui/command-shortcut';
import type { StaffRole } from './palette-dialog';

/**
 * The open palette comes in its own chunk: the header is on every page, the palette's code
 * (cmdk, the search rules, money and date formatting) is needed only once someone opens it.
 */
const loadPaletteDialog = () => import('./palette-dialog').then((m) => m.PaletteDialog);
const PaletteDialog = dynamic(loadPaletteDialog, { ssr: false });

const noSubscription = () => () => {};
const isApple = () => /Mac|iPhone|iPad|iPod/.test(navigator.platform || navigator.userAgent);

/**
 * "Search everywhere" for staff: a header button and Ctrl+K (⌘K on a Mac) open a command
 * palette that finds students, parents, tutors, invoices, a calendar day and the role's pages.
 * People and invoices come from GET /api/palette (scoped there to what the viewer may see),
 * asked 150 ms after the last key and cancelled when a newer query supersedes them; pages are
 * the role's menu, filtered here. Each result is a link; Enter opens the selected one.
 */
export function CommandPalette({ role }: { role: StaffRole }) {
  const t = useTranslations('palette');
  const [open, setOpen] = useState(false);
  const apple = useSyncExternalStore(noSubscription, isApple, () => false);
  const keys = apple ? '⌘K' : 'Ctrl K';

  // Fetched once the page is up, so that the first Ctrl+K opens the palette at once; if this
  // early fetch fails, opening the palette asks again.
  useEffect(() => {
    loadPaletteDialog().catch(() => {});
  }, []);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() !== 'k' || !(event.metaKey || event.ctrlKey) || event.altKey || event.shiftKey || event.repeat) return;
      // The browser's own Ctrl+K (its search bar) gives way to the palette inside the app.
      event.preventDefault();
      setOpen((was) => !was);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  return (
    <>
      <Button
        // An icon like its neighbours on a phone; a search field's outline from md up.
        variant="ghost"
        onClick={() => setOpen(true)}
        aria-keyshortcuts="Control+K Meta+K"
        aria-haspopup="dialog"
        data-testid="palette-open"
        className="size-11 gap-2 px-0 md:h-9 md:w-56 md:justify-start md:border md:bg-background md:px-3 md:text-muted-foreground md:shadow-xs lg:w-64 md:dark:border-input md:dark:bg-input/30 md:dark:hover:bg-input/50"
      >
        <Search className="size-4" aria-hidden />
        {/* The visible word is the button's name at every width (a voice user says what they see). */}
        <span className="sr-only md:not-sr-only md:flex-1 md:text-left md:font-normal">{t('open')}</span>
        <CommandShortcut className="hidden md:inline-flex" aria-hidden>
          {keys}
        </CommandShortcut>
      </Button>
      {open && <PaletteDialog role={role} onClose={() => setOpen(false)} />}
    </>
  );
}
