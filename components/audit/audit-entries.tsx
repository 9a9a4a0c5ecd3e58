import Link from '@/components/ui/link';
import type { AuditEntryView } from '@/lib/audit-viewer/queries';
import type { AuditValue } from '@/lib/audit-viewer/format';
import { formatDateTime } from '@/lib/time';
import type { AuditWords } from './words';

/**
 * Audit entries as a list: when (school time), who, what, which record; the changed fields
 * open below each one (old → new). One column on a phone, a row of four on a wide screen.
 * `linkPeople` makes a person's name filter the trail to them (on the audit page).
 */
export function AuditEntries({ entries, words, timeZone, linkPeople = false, showRecord = true, testId }: { entries: AuditEntryView[]; words: AuditWords; timeZone: string; linkPeople?: boolean; showRecord?: boolean; testId?: string }) {
  const { t } = words;
  return (
    <ol className="divide-y rounded-lg border" data-testid={testId}>
      {entries.map((e) => (
        <li key={e.id} className="grid min-w-0 gap-2 px-3 py-2.5 text-sm" data-testid="audit-entry">
          <div className={`grid min-w-0 gap-x-4 gap-y-1 ${showRecord ? 'md:grid-cols-[9.5rem_minmax(0,1fr)_minmax(0,1.3fr)_minmax(0,1.2fr)]' : 'md:grid-cols-[9.5rem_minmax(0,1fr)_minmax(0,1.5fr)]'}`}>
            <time dateTime={e.at.toISOString()} className="text-muted-foreground tabular-nums">
              <span className="sr-only">{t('table.when')}: </span>
              {formatDateTime(e.at, timeZone)}
            </time>
            <span className="min-w-0 break-words">
              <span className="sr-only">{t('table.who')}: </span>
              {linkPeople && e.actor.kind !== 'none' ? (
                <Link
                  href={`/admin/audit?actor=${e.actor.kind === 'person' ? e.actor.userId : `job:${e.actor.job}`}`}
                  className="font-medium hover:underline"
                  title={t('actor.filterBy', { name: words.actor(e.actor) })}
                >
                  {words.actor(e.actor)}
                </Link>
              ) : (
                <span className="font-medium">{words.actor(e.actor)}</span>
              )}
              {e.actor.kind === 'person' && e.actor.role && <span className="text-muted-foreground"> · {words.role(e.actor.role)}</span>}
            </span>
            <span className="min-w-0 break-words">
              <span className="sr-only">{t('table.what')}: </span>
              <span data-testid="audit-action">{words.action(e.action)}</span>
            </span>
            {showRecord && (
              <span className="min-w-0 break-words text-muted-foreground">
                <span className="sr-only">{t('table.record')}: </span>
                {words.entity(e.entityType)}
                {e.record ? (
                  <>
                    {': '}
                    {e.record.href ? (
                      <Link href={e.record.href} className="font-medium text-foreground hover:underline">
                        {e.record.label}
                      </Link>
                    ) : (
                      <span className="text-foreground">{e.record.label}</span>
                    )}
                  </>
                ) : (
                  e.entityId && <span className="font-mono text-xs"> {e.entityId.length > 13 ? `${e.entityId.slice(0, 8)}…` : e.entityId}</span>
                )}
              </span>
            )}
          </div>
          {e.changes.length > 0 && <ChangeDetails entry={e} words={words} />}
        </li>
      ))}
    </ol>
  );
}

function ChangeDetails({ entry, words }: { entry: AuditEntryView; words: AuditWords }) {
  const { t } = words;
  return (
    <details className="group min-w-0 md:ml-[10.5rem]" data-testid="audit-diff">
      <summary className="w-fit cursor-pointer rounded-sm text-xs font-medium text-primary hover:underline focus-visible:ring-[3px] focus-visible:ring-ring/50 focus-visible:outline-none">
        {t('diff.show', { count: entry.changes.length })}
      </summary>
      <div className="mt-2 overflow-x-auto rounded-md border">
        <table className="w-full text-xs">
          <caption className="sr-only">{t('diff.caption')}</caption>
          <thead className="bg-muted/50 text-left text-muted-foreground">
            <tr>
              <th scope="col" className="px-2 py-1.5 font-medium">{t('diff.field')}</th>
              <th scope="col" className="px-2 py-1.5 font-medium">{t('diff.before')}</th>
              <th scope="col" className="px-2 py-1.5 font-medium">{t('diff.after')}</th>
            </tr>
          </thead>
          <tbody className="divide-y">
            {entry.changes.map((c) => (
              <tr key={c.field} className="align-top">
                <th scope="row" className="px-2 py-1.5 text-left font-medium">{words.field(c.field)}</th>
                <td className="px-2 py-1.5 break-words text-muted-foreground [overflow-wrap:anywhere]">
                  <Value value={c.old} words={words} />
                </td>
                <td className="px-2 py-1.5 break-words [overflow-wrap:anywhere]">
                  <Value value={c.new} words={words} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

function Value({ value, words }: { value: AuditValue; words: AuditWords }) {
  if (value.kind === 'ref' && value.href) {
    return (
      <Link href={value.href} className="hover:underline">
        {value.label}
      </Link>
    );
  }
  if (value.kind === 'list') {
    return (
      <>
        {value.items.map((item, i) => (
          <span key={i}>
            {i > 0 && ', '}
            <Value value={item} words={words} />
          </span>
        ))}
      </>
    );
  }
  return <>{words.value(value)}</>;
}
