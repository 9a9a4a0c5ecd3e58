import { ChevronLeft, ChevronRight, History, X } from 'lucide-react';
import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { auditWords } from '@/components/audit/words';
import { AuditEntries } from '@/components/audit/audit-entries';
import { EmptyState } from '@/components/list/empty-state';
import { PageHeader } from '@/components/list/page-header';
import { pathHref } from '@/components/list/url-state';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { NativeSelect, NativeSelectOptGroup, NativeSelectOption } from '@/components/ui/native-select';
import { requirePage } from '@/lib/auth/viewer';
import { AUDIT_ACTIONS, AUDIT_GROUPS } from '@/lib/audit-viewer/catalog';
import { getAuditRecordName, listAuditEntries, listAuditPeople } from '@/lib/audit-viewer/queries';
import { auditFilters, auditParams, isAuditFiltered } from '@/lib/audit-viewer/schema';
import { JOB_NAMES } from '@/lib/jobs/types';
import { getTranslations } from 'next-intl/server';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('audit'))('title') };
}

type Search = Promise<Record<string, string | string[] | undefined>>;

const path = '/admin/audit';
/** Jobs that act on their own, as the person filter offers them. */
const JOBS = [...JOB_NAMES, 'unsubscribe-link'];

/** The school's audit trail: who changed what and when; filters in the URL, keyset pages of 50. */
export default async function AuditPage({ searchParams }: { searchParams: Search }) {
  const viewer = await requirePage('audit.read', 'admin');
  const filters = auditFilters.parse(await searchParams);
  const params = auditParams(filters);
  const [page, people, record, words] = await Promise.all([
    listAuditEntries(viewer, filters),
    listAuditPeople(viewer, filters.actor),
    filters.entityType && filters.entityId ? getAuditRecordName(viewer, filters.entityType, filters.entityId) : Promise.resolve(null),
    auditWords(viewer.timeZone),
  ]);
  const { t } = words;
  const filtered = isAuditFiltered(filters);
  const staff = people.filter((p) => p.role === 'admin' || p.role === 'tutor');
  const others = people.filter((p) => p.role !== 'admin' && p.role !== 'tutor');
  const withoutRecord = { ...params, entityType: undefined, entityId: undefined };

  return (
    <div className="mx-auto grid w-full max-w-6xl grid-cols-1 gap-6">
      <PageHeader title={t('title')} description={t('description')} testId="audit-title" />
      <form method="get" action={path} role="search" aria-label={t('filters.label')} className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-[minmax(0,1fr)_minmax(0,1.2fr)_9.5rem_9.5rem_auto] lg:items-end">
        {filters.entityType && <input type="hidden" name="entityType" value={filters.entityType} />}
        {filters.entityId && <input type="hidden" name="entityId" value={filters.entityId} />}
        <FormField id="actor" label={t('filters.person')}>
          <NativeSelect id="actor" name="actor" defaultValue={filters.actor ?? ''}>
            <NativeSelectOption value="">{t('filters.anyone')}</NativeSelectOption>
            {others.length > 0 && (
              <NativeSelectOptGroup label={t('filters.selected')}>
                {others.map((p) => (
                  <NativeSelectOption key={p.id} value={p.id}>
                    {p.name}
                  </NativeSelectOption>
                ))}
              </NativeSelectOptGroup>
            )}
            <NativeSelectOptGroup label={t('filters.staff')}>
              {staff.map((p) => (
                <NativeSelectOption key={p.id} value={p.id}>
                  {p.name} ({words.role(p.role)})
                </NativeSelectOption>
              ))}
            </NativeSelectOptGroup>
            <NativeSelectOptGroup label={t('filters.jobs')}>
              {JOBS.map((job) => (
                <NativeSelectOption key={job} value={`job:${job}`}>
                  {t.has(`jobs.${job}`) ? t(`jobs.${job}`) : job}
                </NativeSelectOption>
              ))}
            </NativeSelectOptGroup>
          </NativeSelect>
        </FormField>
        <FormField id="action" label={t('filters.action')}>
          <NativeSelect id="action" name="action" defaultValue={filters.action ?? ''}>
            <NativeSelectOption value="">{t('filters.anyAction')}</NativeSelectOption>
            {AUDIT_GROUPS.map((group) => (
              <NativeSelectOptGroup key={group} label={words.group(group)}>
                <NativeSelectOption value={`${group}.*`}>{t('filters.allOfGroup', { group: words.group(group) })}</NativeSelectOption>
                {AUDIT_ACTIONS.filter((a) => a.startsWith(`${group}.`)).map((a) => (
                  <NativeSelectOption key={a} value={a}>
                    {words.action(a)}
                  </NativeSelectOption>
                ))}
              </NativeSelectOptGroup>
            ))}
          </NativeSelect>
        </FormField>
        <FormField id="from" label={t('filters.from')}>
          <Input id="from" name="from" type="date" defaultValue={filters.from} />
        </FormField>
        <FormField id="to" label={t('filters.to')}>
          <Input id="to" name="to" type="date" defaultValue={filters.to} />
        </FormField>
        <div className="flex flex-wrap gap-2 sm:col-span-2 lg:col-span-1">
          <Button type="submit">{t('filters.apply')}</Button>
          {filtered && (
            <Button variant="ghost" asChild>
              <Link href={path}>{t('filters.clear')}</Link>
            </Button>
          )}
        </div>
      </form>
      {filters.entityType && (
        <p className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded-md border bg-muted/40 px-3 py-2 text-sm" data-testid="audit-record-filter">
          <History className="size-4 text-muted-foreground" aria-hidden />
          <span className="min-w-0 break-words">
            {t('filters.record', { type: words.entity(filters.entityType), name: record?.label ?? filters.entityId ?? '' })}
          </span>
          <Link href={pathHref(path, withoutRecord)} className="inline-flex items-center gap-1 font-medium text-primary hover:underline">
            <X className="size-3.5" aria-hidden /> {t('filters.clearRecord')}
          </Link>
        </p>
      )}
      {page.entries.length === 0 ? (
        <EmptyState
          icon={<History aria-hidden />}
          title={filtered ? t('empty.noMatchesTitle') : t('empty.title')}
          body={filtered ? t('empty.noMatchesBody') : t('empty.body')}
          action={
            filtered && (
              <Button variant="outline" size="sm" asChild>
                <Link href={path}>{t('filters.clear')}</Link>
              </Button>
            )
          }
        />
      ) : (
        <div className="grid min-w-0 gap-3">
          <h2 className="sr-only">{t('table.caption')}</h2>
          <AuditEntries entries={page.entries} words={words} timeZone={viewer.timeZone} linkPeople testId="audit-entries" />
        </div>
      )}
      {(page.newer !== null || page.older !== null) && (
        <nav className="flex items-center justify-between gap-3 text-sm" aria-label={t('paging.label')}>
          {page.newer !== null ? (
            <Button variant="outline" size="sm" asChild>
              <Link href={pathHref(path, { ...params, after: page.newer > 0 ? String(page.newer) : undefined })} rel="prev">
                <ChevronLeft className="size-4" aria-hidden /> {page.newer > 0 ? t('paging.newer') : t('paging.newest')}
              </Link>
            </Button>
          ) : (
            <span />
          )}
          {page.older !== null && (
            <Button variant="outline" size="sm" asChild>
              <Link href={pathHref(path, { ...params, before: String(page.older) })} rel="next">
                {t('paging.older')} <ChevronRight className="size-4" aria-hidden />
              </Link>
            </Button>
          )}
        </nav>
      )}
    </div>
  );
}
