import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';
import type { FilterOptions, FilterSpec, ReportFilters } from '@/lib/reports/filters';

type Words = {
  legend: string;
  from: string;
  to: string;
  date: string;
  group: string;
  show: string;
  all: string;
  ids: Record<'tutor' | 'subject' | 'student', string>;
  groups: Record<string, string>;
};

/**
 * A report's filters as a plain GET form: submitting it puts them in the URL, so the view can
 * be bookmarked and shared, and it works before any script has loaded.
 */
export function ReportFilterForm({ path, spec, filters, options, words }: { path: string; spec: FilterSpec; filters: ReportFilters; options: FilterOptions; words: Words }) {
  const field = 'grid min-w-0 gap-1.5';
  return (
    <form action={path} method="get" className="grid grid-cols-1 items-end gap-3 sm:grid-cols-2 lg:flex lg:flex-wrap" aria-label={words.legend} data-testid="report-filters">
      {spec.period === 'asOf' ? (
        <div className={field}>
          <Label htmlFor="report-date">{words.date}</Label>
          <Input id="report-date" type="date" name="date" defaultValue={filters.from} className="lg:w-44" />
        </div>
      ) : (
        <>
          <div className={field}>
            <Label htmlFor="report-from">{words.from}</Label>
            {spec.period === 'month' ? (
              <Input id="report-from" type="month" name="from" defaultValue={filters.from.slice(0, 7)} className="lg:w-44" />
            ) : (
              <Input id="report-from" type="date" name="from" defaultValue={filters.from} className="lg:w-44" />
            )}
          </div>
          <div className={field}>
            <Label htmlFor="report-to">{words.to}</Label>
            {spec.period === 'month' ? (
              <Input id="report-to" type="month" name="to" defaultValue={filters.to.slice(0, 7)} className="lg:w-44" />
            ) : (
              <Input id="report-to" type="date" name="to" defaultValue={filters.to} className="lg:w-44" />
            )}
          </div>
        </>
      )}
      {spec.groups.length > 1 && (
        <div className={field}>
          <Label htmlFor="report-group">{words.group}</Label>
          <NativeSelect id="report-group" name="group" defaultValue={filters.group} className="lg:w-44">
            {spec.groups.map((g) => (
              <NativeSelectOption key={g} value={g}>
                {words.groups[g]}
              </NativeSelectOption>
            ))}
          </NativeSelect>
        </div>
      )}
      {spec.ids.map((id) => (
        <div className={field} key={id}>
          <Label htmlFor={`report-${id}`}>{words.ids[id]}</Label>
          <NativeSelect id={`report-${id}`} name={id} defaultValue={filters[id] ?? ''} className="lg:w-52">
            <NativeSelectOption value="">{words.all}</NativeSelectOption>
            {options[id].map((o) => (
              <NativeSelectOption key={o.id} value={o.id}>
                {o.name}
              </NativeSelectOption>
            ))}
          </NativeSelect>
        </div>
      ))}
      <Button type="submit" variant="secondary" className="sm:col-span-2 lg:col-span-1">
        {words.show}
      </Button>
    </form>
  );
}
