import { getLocale, getTranslations } from 'next-intl/server';
import type { AuditActorView } from '@/lib/audit-viewer/queries';
import type { AuditValue } from '@/lib/audit-viewer/format';
import { formatMoney } from '@/lib/money';
import { formatCalendarDate, formatDateTime } from '@/lib/time';

/**
 * The audit trail in words, in the reader's language and the school's time zone: an action's
 * phrase, a record type's and a field's name, a value, who acted. Anything the catalog does not
 * know yet shows as it is stored rather than failing.
 */
export async function auditWords(timeZone: string) {
  const [t, locale] = await Promise.all([getTranslations('audit'), getLocale()]);
  const say = (key: string, fallback: string) => (t.has(key) ? t(key) : fallback);
  const value = (v: AuditValue): string => {
    switch (v.kind) {
      case 'empty':
        return t('diff.empty');
      case 'text':
        return v.text;
      case 'number':
        return new Intl.NumberFormat(locale === 'pl' ? 'pl-PL' : 'en-GB').format(v.value);
      case 'money':
        return formatMoney(v.grosze, locale === 'en' ? 'en' : 'pl');
      case 'bool':
        return v.value ? t('diff.yes') : t('diff.no');
      case 'instant':
        return formatDateTime(v.iso, timeZone);
      case 'date':
        return formatCalendarDate(v.date);
      case 'enum':
        return say(`values.${v.value}`, v.value);
      case 'ref':
        return v.label;
      case 'list':
        return v.items.map(value).join(', ');
    }
  };
  return {
    t,
    action: (action: string) => say(`actions.${action}`, action),
    group: (group: string) => say(`groups.${group}`, group),
    entity: (type: string) => say(`entities.${type}`, type),
    field: (field: string) => say(`fields.${field}`, field),
    value,
    actor: (actor: AuditActorView) =>
      actor.kind === 'person' ? (actor.name ?? t('actor.unknown')) : actor.kind === 'job' ? t('actor.system', { job: say(`jobs.${actor.job}`, actor.job) }) : t('actor.nobody'),
    role: (role: string | null) => (role ? say(`roles.${role}`, role) : null),
  };
}

export type AuditWords = Awaited<ReturnType<typeof auditWords>>;
