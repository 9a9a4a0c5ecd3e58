'use client';

import { CalendarDays, GraduationCap, Presentation, ReceiptText, Users, type LucideIcon } from 'lucide-react';
import { useLocale, useTranslations } from 'next-intl';
import { usePathname, useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { navByRole } from '@/components/shell/nav';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { DialogClose } from '@/components/ui/dialog';
import { Command, CommandDialog, CommandEmpty, CommandGroup, CommandInput, CommandItem, CommandList, CommandShortcut } from '@/components/ui/command';
import type { PaletteResults } from '@/lib/palette/queries';
import { formatDayInWords, matchesWords, paletteQuery, PALETTE_GROUP_LIMIT, PALETTE_MAX_LENGTH } from '@/lib/palette/rules';
import { formatMoney } from '@/lib/money';
import { cn } from '@/lib/utils';

/** Typing waits this long for the next key before it asks the server. */
const DEBOUNCE_MS = 150;

export type StaffRole = 'admin' | 'tutor';
type Row = { value: string; href: string; icon: LucideIcon; title: string; detail?: string; badge?: string };
type Section = { key: string; heading: string; rows: Row[] };
type Response = { q: string; results?: PaletteResults; failed?: boolean };

/**
 * The open palette. Mounted only while open, so every opening starts empty and nothing is
 * fetched in the background. Its own module, loaded apart from the header (see CommandPalette):
 * cmdk, the search rules and the money and date formatting stay out of every page\'s first load.
 */
export function PaletteDialog({ role, onClose }: { role: StaffRole; onClose: () => void }) {
  const t = useTranslations('palette');
  const tCommon = useTranslations('common');
  const tNav = useTranslations('nav');
  const tStudents = useTranslations('students');
  const tTutors = useTranslations('tutors');
  const tInvoices = useTranslations('invoices');
  const locale = useLocale();
  const router = useRouter();
  const pathname = usePathname();
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState('');
  const [response, setResponse] = useState<Response>({ q: '' });
  // A click with a modifier (a new tab) is left to the browser; cmdk reports it as a selection too.
  const leftToBrowser = useRef(false);

  const q = paletteQuery(query);
  const loading = q !== undefined && response.q !== q;
  const failed = q !== undefined && response.q === q && response.failed;
  // While the next answer is on its way the last one stays (most often it narrows down).
  const results = q !== undefined ? response.results : undefined;

  useEffect(() => {
    if (!q) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const res = await fetch(`/api/palette?q=${encodeURIComponent(q)}`, { signal: controller.signal, headers: { accept: 'application/json' } });
        if (!res.ok) throw new Error(`palette search answered ${res.status}`);
        setResponse({ q, results: (await res.json()) as PaletteResults });
      } catch {
        // Stale results would answer another question: the failure is shown instead.
        if (!controller.signal.aborted) setResponse({ q, failed: true });
      }
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [q]);

  const sections = buildSections();
  const values = sections.flatMap((s) => s.rows.map((r) => r.value));
  const count = values.length;
  // The first row is selected until the person moves: Enter always opens something in view.
  const active = values.includes(selected) ? selected : (values[0] ?? '');

  function buildSections(): Section[] {
    const typed = query.trim();
    const pages = navByRole[role].filter((item) => !typed || matchesWords(tNav(item.label), typed));
    const out: Section[] = [];
    if (results?.day) {
      const day = results.day;
      out.push({
        key: 'day',
        heading: t('groups.day'),
        rows: [{ value: `day:${day.date}`, href: day.href, icon: CalendarDays, title: t('day', { day: formatDayInWords(day.date, locale) }), detail: t('dayDetail') }],
      });
    }
    if (results?.students.length) {
      out.push({
        key: 'students',
        heading: t('groups.students'),
        rows: results.students.map((s) => ({
          value: `student:${s.id}`,
          href: s.href,
          icon: GraduationCap,
          title: s.name,
          detail: [tStudents(`levels.${s.level}`), s.school, s.parents.length ? t('parentsOf', { count: s.parents.length, names: s.parents.join(', ') }) : null].filter(Boolean).join(' · '),
          badge: s.status === 'active' ? undefined : tStudents(`statuses.${s.status}`),
        })),
      });
    }
    if (results?.parents.length) {
      out.push({
        key: 'parents',
        heading: t('groups.parents'),
        rows: results.parents.map((p) => ({
          value: `parent:${p.id}`,
          href: p.href,
          icon: Users,
          title: p.name,
          detail: [p.children.length ? t('childrenOf', { count: p.children.length, names: p.children.join(', ') }) : null, p.email].filter(Boolean).join(' · '),
          badge: p.archived ? t('archived') : undefined,
        })),
      });
    }
    if (results?.tutors.length) {
      out.push({
        key: 'tutors',
        heading: t('groups.tutors'),
        rows: results.tutors.map((r) => ({
          value: `tutor:${r.id}`,
          href: r.href,
          icon: Presentation,
          title: r.name,
          detail: r.email ?? undefined,
          badge: r.status === 'active' ? undefined : tTutors(`statuses.${r.status}`),
        })),
      });
    }
    if (results?.invoices.length) {
      out.push({
        key: 'invoices',
        heading: t('groups.invoices'),
        rows: results.invoices.map((i) => ({
          value: `invoice:${i.id}`,
          href: i.href,
          icon: ReceiptText,
          title: i.number,
          detail: [i.kind === 'correction' ? t('correction') : null, i.buyer, formatMoney(i.gross, locale === 'en' ? 'en' : 'pl'), tInvoices(`statusLabel.${i.status}`)].filter(Boolean).join(' · '),
        })),
      });
    }
    if (pages.length) {
      out.push({
        key: 'pages',
        heading: t('groups.pages'),
        rows: (typed ? pages.slice(0, PALETTE_GROUP_LIMIT) : pages).map((item) => ({ value: `page:${item.href}`, href: item.href, icon: item.icon, title: tNav(item.label) })),
      });
    }
    return out;
  }

  function go(href: string) {
    onClose();
    // The calendar keeps its own view in the address bar; asking for another day on the
    // calendar page itself needs a fresh load for it to start from the URL again.
    if (href.split('?')[0] === pathname && href.includes('?')) window.location.assign(href);
    else router.push(href);
  }

  const typedTooLittle = query.trim() !== '' && q === undefined;
  const status = loading ? t('searching') : failed ? t('failed') : typedTooLittle && count === 0 ? t('typeMore') : query.trim() ? (count ? t('found', { count }) : t('nothing', { q: query.trim() })) : '';

  return (
    <CommandDialog
      open
      onOpenChange={(next) => !next && onClose()}
      title={t('title')}
      description={t(role === 'admin' ? 'description' : 'descriptionTutor')}
    >
      <Command label={t('title')} shouldFilter={false} loop vimBindings={false} value={active} onValueChange={setSelected} className="rounded-lg">
        <CommandInput
          value={query}
          onValueChange={(next) => {
            setQuery(next);
            setSelected('');
          }}
          placeholder={t(role === 'admin' ? 'placeholder' : 'placeholderTutor')}
          maxLength={PALETTE_MAX_LENGTH}
          data-testid="palette-input"
          action={
            <DialogClose asChild>
              <Button variant="ghost" className="h-11 px-3 sm:hidden">
                {tCommon('close')}
              </Button>
            </DialogClose>
          }
        />
        {/* A thin bar under the field while the server looks, instead of a spinner over the list. */}
        <div aria-hidden className={cn('-mt-px h-0.5 w-full', loading ? 'animate-pulse bg-primary' : 'bg-transparent')} />
        <p role="status" className="sr-only" data-testid="palette-status">
          {status}
        </p>
        {failed && (
          <p className="border-b px-4 py-3 text-sm text-destructive" data-testid="palette-failed">
            {t('failed')}
          </p>
        )}
        <CommandList label={t('resultsLabel')} data-testid="palette-results">
          {!failed && (
            <CommandEmpty>
              {loading ? (
                <span className="text-muted-foreground">{t('searching')}</span>
              ) : typedTooLittle ? (
                <span className="text-muted-foreground">{t('typeMore')}</span>
              ) : (
                <span className="grid gap-1">
                  <span className="font-medium">{t('nothing', { q: query.trim() })}</span>
                  <span className="text-muted-foreground">{t('nothingHint')}</span>
                </span>
              )}
            </CommandEmpty>
          )}
          {sections.map((section) => (
            <CommandGroup key={section.key} heading={section.heading} data-testid={`palette-group-${section.key}`}>
              {section.rows.map((row) => (
                <CommandItem
                  key={row.value}
                  value={row.value}
                  asChild
                  onSelect={() => {
                    if (leftToBrowser.current) leftToBrowser.current = false;
                    else go(row.href);
                  }}
                >
                  <a
                    href={row.href}
                    onClick={(event) => {
                      if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) leftToBrowser.current = true;
                      else event.preventDefault();
                    }}
                  >
                    <row.icon aria-hidden />
                    <span className="grid min-w-0 flex-1 gap-0.5">
                      <span className="truncate font-medium">{row.title}</span>
                      {row.detail && <span className="line-clamp-2 text-xs text-muted-foreground sm:line-clamp-1">{row.detail}</span>}
                    </span>
                    {row.badge && (
                      <Badge variant="outline" className="font-normal">
                        {row.badge}
                      </Badge>
                    )}
                  </a>
                </CommandItem>
              ))}
            </CommandGroup>
          ))}
        </CommandList>
        <div aria-hidden className="hidden items-center gap-4 border-t px-3 py-2 text-xs text-muted-foreground sm:flex">
          <span className="flex items-center gap-1.5">
            <CommandShortcut>↑</CommandShortcut>
            <CommandShortcut>↓</CommandShortcut>
            {t('footer.navigate')}
          </span>
          <span className="flex items-center gap-1.5">
            <CommandShortcut>↵</CommandShortcut>
            {t('footer.open')}
          </span>
          <span className="flex items-center gap-1.5">
            <CommandShortcut>Esc</CommandShortcut>
            {t('footer.close')}
          </span>
        </div>
      </Command>
    </CommandDialog>
  );
}
