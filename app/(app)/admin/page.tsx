import Link from '@/components/ui/link';
import { AlertTriangle, ArrowRight, CheckCircle2, UserPlus, Users } from 'lucide-react';
import { getTranslations } from 'next-intl/server';
import { RoleHome } from '@/components/shell/role-home';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { requirePage } from '@/lib/auth/viewer';
import { FinanceOverview } from '@/components/dashboard/finance-overview';
import { WeekAndJobs } from '@/components/dashboard/week-and-jobs';
import { RecentActivity } from '@/components/dashboard/recent-activity';
import { getDashboardFigures } from '@/lib/dashboard/figures';
import { getSchoolOverview } from '@/lib/dashboard/queries';

export default async function AdminHomePage() {
  const viewer = await requirePage('home.view', 'admin');
  const [overview, figures, t] = await Promise.all([getSchoolOverview(viewer), getDashboardFigures(viewer), getTranslations('home.overview')]);
  if (!overview) return <RoleHome viewer={viewer} />;
  const stats = [
    { label: t('students'), value: overview.students.active, detail: t('studentsDetail', overview.students), href: '/admin/students' },
    { label: t('tutors'), value: overview.tutors.active, detail: t('tutorsDetail', overview.tutors), href: '/admin/tutors' },
    { label: t('parents'), value: overview.parents, detail: t('parentsDetail'), href: '/admin/parents' },
  ];
  const a = overview.attention;
  const attention = [
    { count: a.childrenWithoutPayer, text: t('childrenWithoutPayer', { count: a.childrenWithoutPayer }), href: '/admin/students' },
    { count: a.studentsWithoutTutor, text: t('studentsWithoutTutor', { count: a.studentsWithoutTutor }), href: '/admin/students' },
    { count: a.pendingInvitations, text: t('pendingInvitations', { count: a.pendingInvitations }), href: '/admin/users?status=invited' },
    { count: a.failedEmails, text: t('failedEmails', { count: a.failedEmails }), href: '/admin/outbox?status=failed' },
  ].filter((x) => x.count > 0);
  return (
    <RoleHome viewer={viewer} hideSchoolCard>
      <div className="grid gap-4 sm:grid-cols-3" data-testid="overview">
        {stats.map((s) => (
          <Link key={s.href} href={s.href} className="group rounded-xl focus-visible:ring-[3px] focus-visible:ring-ring/50 focus-visible:outline-none">
            <Card className="h-full transition-colors group-hover:border-primary/40">
              <CardHeader>
                <CardDescription>{s.label}</CardDescription>
                <CardTitle className="text-3xl tabular-nums">{s.value}</CardTitle>
              </CardHeader>
              <CardContent className="text-sm text-muted-foreground">{s.detail}</CardContent>
            </Card>
          </Link>
        ))}
      </div>
      {figures && <FinanceOverview figures={figures} />}
      {figures && <WeekAndJobs figures={figures} timeZone={viewer.timeZone} />}
      <div className="grid gap-4 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <Card>
          <CardHeader>
            <CardTitle>{t('attention')}</CardTitle>
          </CardHeader>
          <CardContent>
            {attention.length === 0 ? (
              <p className="flex items-center gap-2 text-sm text-muted-foreground">
                <CheckCircle2 className="size-4 text-success" aria-hidden /> {t('allGood')}
              </p>
            ) : (
              <ul className="divide-y rounded-md border" data-testid="attention">
                {attention.map((item) => (
                  <li key={item.text}>
                    <Link href={item.href} className="flex items-center gap-3 px-3 py-2.5 text-sm hover:bg-muted/50">
                      <AlertTriangle className="size-4 shrink-0 text-warning" aria-hidden />
                      <span className="flex-1">{item.text}</span>
                      <ArrowRight className="size-4 text-muted-foreground" aria-label={t('open')} />
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>{t('quick')}</CardTitle>
          </CardHeader>
          <CardContent className="grid gap-2">
            <QuickLink href="/admin/students/new-family" icon={<Users className="size-4" aria-hidden />} label={(await getTranslations('students'))('addFamily')} />
            <QuickLink href="/admin/students/new-adult" icon={<UserPlus className="size-4" aria-hidden />} label={(await getTranslations('students'))('addAdult')} />
          </CardContent>
        </Card>
      </div>
      <RecentActivity viewer={viewer} />
    </RoleHome>
  );
}

function QuickLink({ href, icon, label }: { href: string; icon: React.ReactNode; label: string }) {
  return (
    <Button variant="outline" className="justify-start" asChild>
      <Link href={href}>
        {icon} {label}
      </Link>
    </Button>
  );
}
