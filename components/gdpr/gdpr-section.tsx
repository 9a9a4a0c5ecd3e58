import { getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { can } from '@/lib/auth/permissions';
import type { Viewer } from '@/lib/auth/viewer';
import { listConsents } from '@/lib/gdpr/consents';
import { getGdprSubject } from '@/lib/gdpr/queries';
import type { PersonKind } from '@/lib/gdpr/kinds';
import { formatDate, todayIn } from '@/lib/time';
import { AnonymiseDialog } from './anonymise-dialog';
import { Consents } from './consents';

/**
 * The GDPR card of an admin's student, parent or tutor page: the data export (JSON, HTML),
 * erasure by anonymisation with its confirmation, and (students and parents) the consents.
 * Renders nothing for anyone without `gdpr.manage`.
 */
export async function GdprSection({ viewer, kind, id }: { viewer: Viewer; kind: PersonKind; id: string }) {
  if (!can(viewer.role, 'gdpr.manage')) return null;
  const [subject, consents, t] = await Promise.all([getGdprSubject(viewer, kind, id), kind === 'tutor' ? undefined : listConsents(viewer, kind, id), getTranslations('gdpr')]);
  if (!subject) return null;
  const exportHref = `/api/gdpr/export/${kind}/${id}`;
  return (
    <>
      <Card data-testid="gdpr-section">
        <CardHeader>
          <CardTitle>
            <h2 className="flex flex-wrap items-center gap-2">
              {t('section')}
              {subject.anonymisedAt && <Badge variant="secondary">{t('anonymise.badge')}</Badge>}
            </h2>
          </CardTitle>
          <CardDescription>{subject.anonymisedAt ? t('anonymise.notice', { date: formatDate(subject.anonymisedAt, viewer.timeZone) }) : t('sectionDescription')}</CardDescription>
        </CardHeader>
        <CardContent className="flex flex-wrap gap-2">
          <a href={`${exportHref}?format=json`} download className="inline-flex min-h-9 items-center rounded-md border bg-background px-3 text-sm font-medium shadow-xs hover:bg-accent hover:text-accent-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50 focus-visible:outline-none dark:border-input dark:bg-input/30">
            {t('export.json')}
          </a>
          <a href={`${exportHref}?format=html`} download className="inline-flex min-h-9 items-center rounded-md border bg-background px-3 text-sm font-medium shadow-xs hover:bg-accent hover:text-accent-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50 focus-visible:outline-none dark:border-input dark:bg-input/30">
            {t('export.html')}
          </a>
          {!subject.anonymisedAt && <AnonymiseDialog kind={kind} id={id} name={subject.name} childrenList={subject.children} />}
        </CardContent>
      </Card>
      {consents && kind !== 'tutor' && <Consents personKind={kind} personId={id} states={consents} today={todayIn(viewer.timeZone)} readOnly={Boolean(subject.anonymisedAt)} />}
    </>
  );
}
