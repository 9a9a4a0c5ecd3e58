'use client';

import { BookOpen, CalendarClock, CalendarDays, CalendarOff, CalendarX, ChartColumn, ClipboardCheck, Clock, DoorOpen, GraduationCap, History, Inbox, LayoutDashboard, MessagesSquare, Presentation, ReceiptText, Repeat, Settings, UserRoundCog, Users, Wallet, type LucideIcon } from 'lucide-react';
import Link from '@/components/ui/link';
import { usePathname } from 'next/navigation';
import { useTranslations } from 'next-intl';
import type { Role } from '@/db/schema';
import { cn } from '@/lib/utils';

type NavItem = { href: string; label: string; icon: LucideIcon; exact?: boolean; /** Shows the unread-message count beside the label. */ unread?: boolean };

// Only pages that exist are listed; later features add theirs here.
export const navByRole: Record<Role, NavItem[]> = {
  admin: [
    { href: '/admin', label: 'dashboard', icon: LayoutDashboard, exact: true },
    { href: '/admin/reports', label: 'reports', icon: ChartColumn },
    { href: '/admin/calendar', label: 'calendar', icon: CalendarDays },
    { href: '/admin/messages', label: 'messages', icon: MessagesSquare, unread: true },
    { href: '/admin/cancellations', label: 'cancellations', icon: CalendarX },
    { href: '/admin/series', label: 'series', icon: Repeat },
    { href: '/admin/closures', label: 'closures', icon: CalendarOff },
    { href: '/admin/students', label: 'students', icon: GraduationCap },
    { href: '/admin/parents', label: 'parents', icon: Users },
    { href: '/admin/tutors', label: 'tutors', icon: Presentation },
    { href: '/admin/attendance', label: 'attendance', icon: ClipboardCheck },
    { href: '/admin/invoices', label: 'invoices', icon: ReceiptText },
    { href: '/admin/earnings', label: 'payroll', icon: Wallet },
    { href: '/admin/subjects', label: 'subjects', icon: BookOpen },
    { href: '/admin/rooms', label: 'rooms', icon: DoorOpen },
    { href: '/admin/users', label: 'users', icon: UserRoundCog },
    { href: '/admin/outbox', label: 'outbox', icon: Inbox },
    { href: '/admin/jobs', label: 'jobs', icon: CalendarClock },
    { href: '/admin/audit', label: 'audit', icon: History },
    { href: '/admin/settings', label: 'settings', icon: Settings },
  ],
  tutor: [
    { href: '/tutor', label: 'dashboard', icon: LayoutDashboard, exact: true },
    { href: '/tutor/calendar', label: 'calendar', icon: CalendarDays },
    { href: '/tutor/messages', label: 'messages', icon: MessagesSquare, unread: true },
    { href: '/tutor/cancellations', label: 'cancellations', icon: CalendarX },
    { href: '/tutor/students', label: 'myStudents', icon: GraduationCap },
    { href: '/tutor/availability', label: 'availability', icon: Clock },
    { href: '/tutor/earnings', label: 'earnings', icon: Wallet },
  ],
  student: [
    { href: '/student', label: 'dashboard', icon: LayoutDashboard, exact: true },
    { href: '/student/calendar', label: 'calendar', icon: CalendarDays },
    { href: '/student/messages', label: 'messages', icon: MessagesSquare, unread: true },
  ],
  parent: [
    { href: '/parent', label: 'dashboard', icon: LayoutDashboard, exact: true },
    { href: '/parent/calendar', label: 'calendar', icon: CalendarDays },
    { href: '/parent/invoices', label: 'invoices', icon: ReceiptText },
    { href: '/parent/messages', label: 'messages', icon: MessagesSquare, unread: true },
  ],
};

export function Nav({ role, unread = 0, onNavigate }: { role: Role; unread?: number; onNavigate?: () => void }) {
  // The parent portal is used on phones: bigger text and 44 px touch targets.
  const roomy = role === 'parent';
  const t = useTranslations('nav');
  const pathname = usePathname();
  return (
    <nav aria-label={t('menu')} className="grid gap-1">
      {navByRole[role].map((item) => {
        const active = item.exact ? pathname === item.href : pathname === item.href || pathname.startsWith(`${item.href}/`);
        const Icon = item.icon;
        return (
          <Link
            key={item.href}
            href={item.href}
            onClick={onNavigate}
            aria-current={active ? 'page' : undefined}
            className={cn(
              'flex items-center gap-3 rounded-md px-3 font-medium transition-colors focus-visible:ring-[3px] focus-visible:ring-ring/50 focus-visible:outline-none',
              roomy ? 'min-h-11 text-base' : 'min-h-10 text-sm',
              active ? 'bg-sidebar-accent text-sidebar-accent-foreground' : 'text-muted-foreground hover:bg-sidebar-accent/60 hover:text-foreground',
            )}
          >
            <Icon className="size-4" aria-hidden />
            {t(item.label)}
            {item.unread && unread > 0 && (
              <span className="ml-auto rounded-full bg-primary px-2 py-0.5 text-xs font-semibold text-primary-foreground tabular-nums" data-testid="nav-unread">
                {unread > 99 ? '99+' : unread}
                <span className="sr-only"> {t('unread', { count: unread })}</span>
              </span>
            )}
          </Link>
        );
      })}
    </nav>
  );
}
