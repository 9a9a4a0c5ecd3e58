'use client';

import FullCalendar, {
  useCalendarController,
  type DatesSetInfo,
  type DateSelectInfo,
  type EventClickInfo,
  type EventDropInfo,
  type EventResizeDoneInfo,
} from '@fullcalendar/react';
import dayGridPlugin from '@fullcalendar/react/daygrid';
import interactionPlugin from '@fullcalendar/react/interaction';
import listPlugin from '@fullcalendar/react/list';
import plLocale from '@fullcalendar/react/locales/pl';
import classicThemePlugin from '@fullcalendar/react/themes/classic';
import timeGridPlugin from '@fullcalendar/react/timegrid';
import '@fullcalendar/react/skeleton.css';
import '@fullcalendar/react/themes/classic/theme.css';
import './calendar.css';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ChevronLeft, ChevronRight, Plus, SlidersHorizontal } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { Notice } from '@/components/ui/notice';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';
import { Segmented, SegmentedButton } from '@/components/ui/segmented';
import { moveLessonAction } from '@/lib/lessons/actions';
import { formatDate, formatTimeRange, instantToZoned, todayIn, zonedToInstant } from '@/lib/time';
import { cn } from '@/lib/utils';
import type { CalendarClientProps } from './calendar-client';
import type { LessonEvent, LessonEventProps } from './feed';
import { CreateLessonDialog, type Slot } from './lesson-dialog-create';
import { LessonDetailDialog } from './lesson-dialog-detail';
import { TutorLegend } from './tutor-legend';
import { useLessonFeed, type FeedRange } from './use-lesson-feed';
import { calendarSearch, fcViewOf, viewOfFc, type CalendarFilters, type CalendarState, type CalendarView } from './url-state';

const PHONE = '(max-width: 767px)';

// The layout depends on the screen, which the server cannot know: null until hydrated.
function subscribePhone(onChange: () => void) {
  const media = window.matchMedia(PHONE);
  media.addEventListener('change', onChange);
  return () => media.removeEventListener('change', onChange);
}
function isPhone(): boolean | null {
  return window.matchMedia(PHONE).matches;
}

type MoveVars = {
  lessonId: string;
  start: string;
  end: string;
  revert: () => void;
  /** An admin's deliberate booking outside the tutor's hours (audited by the action). */
  override?: boolean;
};
class Refused extends Error {
  constructor(
    message: string,
    readonly reason?: string,
  ) {
    super(message);
  }
}

/**
 * The lesson calendar on FullCalendar 7: week, day, month and list views in the school's
 * time zone, filters in the URL, tutor colours; admins drag and stretch any lesson, tutors
 * their own (each event says whether it may move), everyone else reads.
 */
export function LessonCalendar({ role, timeZone, locale, initial, wideView, choices, canPlan }: CalendarClientProps) {
  const t = useTranslations('calendar');
  const queryClient = useQueryClient();
  const controller = useCalendarController();
  const phone = useSyncExternalStore(subscribePhone, isPhone, () => null);
  const [state, setState] = useState<CalendarState>(initial);
  const [range, setRange] = useState<FeedRange | null>(null);
  const [title, setTitle] = useState('');
  const [slot, setSlot] = useState<Slot | null>(null);
  const [openLessonId, setOpenLessonId] = useState<string | null>(null);

  const filters: CalendarFilters = {
    tutor: state.tutor,
    room: state.room,
    subject: state.subject,
    student: state.student,
  };
  const feed = useLessonFeed(range, filters);
  const key = useMemo(
    () => ['calendar-events', range?.start, range?.end, filters.tutor ?? '', filters.room ?? '', filters.subject ?? '', filters.student ?? ''] as const,
    [range, filters.tutor, filters.room, filters.subject, filters.student],
  );

  const view: CalendarView = state.view ?? (phone ? 'list' : wideView);
  const views: CalendarView[] = phone ? ['day', 'list'] : ['week', 'day', 'month', 'list'];

  const update = useCallback((patch: Partial<CalendarState>) => setState((prev) => ({ ...prev, ...patch })), []);
  // Keep the URL in step without a server round trip, so the view can be bookmarked; after
  // rendering, since Next.js's router listens to history changes. A parent's chosen child is
  // `child`, as on their home. The URL the page was opened with stays until something changes.
  const search = calendarSearch(state, { studentParam: role === 'parent' ? 'child' : 'student' });
  const opened = useRef(search);
  useEffect(() => {
    if (search === opened.current) return;
    opened.current = '';
    window.history.replaceState(null, '', `${window.location.pathname}?${search}`);
  }, [search]);

  const events = useMemo(() => (feed.data ?? []).filter((e) => state.cancelled || e.extendedProps.status !== 'cancelled'), [feed.data, state.cancelled]);
  const tutorsShown = useMemo(() => {
    const seen = new Map<string, { id: string; name: string; color: string }>();
    for (const e of events) seen.set(e.extendedProps.tutor.id, e.extendedProps.tutor);
    return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name, 'pl'));
  }, [events]);
  const openLesson = openLessonId ? ((feed.data ?? []).find((e) => e.id === openLessonId) ?? null) : null;

  const move = useMutation({
    mutationFn: async (vars: MoveVars) => {
      const result = await moveLessonAction({
        lessonId: vars.lessonId,
        start: vars.start,
        end: vars.end,
        ...(vars.override ? { overrideAvailability: true } : {}),
      });
      if (!result.ok) throw new Refused(result.message, result.reason);
      return result.data;
    },
    // Optimistic: the lesson stays where it was dropped while the server decides.
    onMutate: async (vars) => {
      await queryClient.cancelQueries({ queryKey: ['calendar-events'] });
      const previous = queryClient.getQueryData<LessonEvent[]>(key);
      queryClient.setQueryData<LessonEvent[]>(key, (old) => old?.map((e) => (e.id === vars.lessonId ? { ...e, start: vars.start, end: vars.end } : e)));
      return { previous };
    },
    onError: (error, vars, context) => {
      if (context?.previous) queryClient.setQueryData(key, context.previous);
      vars.revert();
      const outside = error instanceof Refused && error.reason === 'outside_availability' && role === 'admin' && !vars.override;
      toast.error(error instanceof Refused ? error.message : t('loadError'), {
        duration: 8000,
        // Outside the tutor's hours an admin may still book on purpose, one click away.
        ...(outside ? { action: { label: t('moveAnyway'), onClick: () => move.mutate({ ...vars, override: true }) } } : {}),
      });
    },
    onSuccess: (data) => {
      toast.success(
        t('moved', {
          time: `${formatDate(data.start, timeZone)} ${formatTimeRange(data.start, data.end, timeZone)}`,
        }),
      );
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['calendar-events'] }),
  });

  const onChange = (info: EventDropInfo | EventResizeDoneInfo) => {
    const { event } = info;
    if (!event.start || !event.end) return info.revert();
    move.mutate({
      lessonId: event.id,
      start: event.start.toISOString(),
      end: event.end.toISOString(),
      revert: info.revert,
    });
  };

  const onDatesSet = (info: DatesSetInfo) => {
    setRange((prev) => {
      const next = {
        start: info.start.toISOString(),
        end: info.end.toISOString(),
      };
      return prev && prev.start === next.start && prev.end === next.end ? prev : next;
    });
    setTitle(info.view.title);
    const date = instantToZoned(info.view.currentStart, timeZone).date;
    const shown = viewOfFc[info.view.type];
    if (date !== state.date || (shown && shown !== view))
      update({
        date,
        ...(state.view || shown !== view ? { view: shown } : {}),
      });
  };

  const onSelect = (info: DateSelectInfo) => {
    info.view.calendar.unselect();
    // A click in the month view selects whole days: plan at the subject's usual length from 16:00.
    if (info.allDay) {
      const date = instantToZoned(info.start, timeZone).date;
      const start = zonedToInstant(date, '16:00', timeZone);
      setSlot({ start, end: new Date(start.getTime() + 60 * 60_000) });
    } else setSlot({ start: info.start, end: info.end });
  };

  const planNow = () => {
    const today = todayIn(timeZone);
    const date = state.date > today ? state.date : today;
    const start = zonedToInstant(date, '16:00', timeZone);
    setSlot({ start, end: new Date(start.getTime() + 60 * 60_000) });
  };

  const loaded = feed.data !== undefined && !feed.isPlaceholderData;
  // A parent's child is a choice of whose calendar this is, not a filter to clear.
  const filterCount = [state.tutor, state.room, state.subject, role === 'parent' ? undefined : state.student].filter(Boolean).length;

  return (
    <div className="grid min-w-0 grid-cols-1 gap-3" data-testid="lesson-calendar">
      {role === 'parent' && choices.students.length > 1 && (
        <Segmented label={t('filters.child')} data-testid="calendar-child">
          {choices.students.map((c) => (
            <SegmentedButton key={c.id} pressed={state.student === c.id} onClick={() => update({ student: c.id })} data-child-id={c.id}>
              {c.name}
            </SegmentedButton>
          ))}
        </Segmented>
      )}

      <div className="flex flex-wrap items-center gap-2">
        <div className="flex items-center gap-1">
          <Button variant="outline" size="sm" onClick={() => controller.today()} className="min-h-11 md:min-h-9">
            {t('views.today')}
          </Button>
          <Button variant="ghost" size="icon" aria-label={t('views.prev')} onClick={() => controller.prev()} className="size-11 md:size-9">
            <ChevronLeft />
          </Button>
          <Button variant="ghost" size="icon" aria-label={t('views.next')} onClick={() => controller.next()} className="size-11 md:size-9">
            <ChevronRight />
          </Button>
        </div>
        <h2 className="order-first min-w-0 basis-full truncate text-base font-semibold md:order-none md:flex-1 md:basis-auto" aria-live="polite" data-testid="calendar-range">
          {title}
        </h2>
        <div role="group" aria-label={t('views.label')} className="inline-flex rounded-md border p-0.5">
          {views.map((v) => (
            <button
              key={v}
              type="button"
              aria-pressed={view === v}
              onClick={() => {
                controller.changeView(fcViewOf[v]);
                update({ view: v });
              }}
              className={cn(
                'min-h-10 rounded-sm px-3 text-sm font-medium transition-colors focus-visible:ring-[3px] focus-visible:ring-ring/50 focus-visible:outline-none md:min-h-8',
                view === v ? 'bg-accent text-accent-foreground' : 'text-muted-foreground hover:text-foreground',
              )}
            >
              {t(`views.${v}`)}
            </button>
          ))}
        </div>
        {canPlan && (
          <Button size="sm" onClick={planNow} className="min-h-11 md:ml-0 md:min-h-9 max-md:ml-auto">
            <Plus /> {t('newLesson')}
          </Button>
        )}
      </div>

      <Filters role={role} state={state} choices={choices} onChange={update} filterCount={filterCount} />

      {feed.isError && (
        <Notice tone="error" className="flex flex-wrap items-center gap-2">
          {feed.error instanceof Error && feed.error.message ? feed.error.message : t('loadError')}
          <Button variant="outline" size="sm" onClick={() => feed.refetch()}>
            {t('retry')}
          </Button>
        </Notice>
      )}

      <div className="flex min-h-5 flex-wrap items-center gap-x-4 gap-y-1 text-xs text-muted-foreground">
        {feed.isFetching && <span aria-live="polite">{t('loading')}</span>}
        {loaded && events.length === 0 && (
          <span data-testid="calendar-empty">
            {t('empty')} {canPlan && view !== 'list' ? t('emptyHintStaff') : ''}
          </span>
        )}
        {role !== 'student' && role !== 'parent' ? <TutorLegend tutors={tutorsShown} /> : !canPlan && <span>{t('readOnly')}</span>}
      </div>

      <div className={cn('lesson-calendar min-w-0 overflow-hidden rounded-lg border bg-card', phone === null && 'invisible')}>
        {phone !== null && (
          <FullCalendar
            controller={controller}
            plugins={[classicThemePlugin, dayGridPlugin, timeGridPlugin, listPlugin, interactionPlugin]}
            initialView={fcViewOf[view]}
            initialDate={state.date}
            timeZone={timeZone}
            locale={locale === 'pl' ? plLocale : 'en-gb'}
            firstDay={1}
            headerToolbar={false}
            height="auto"
            allDaySlot={false}
            slotMinTime="07:00:00"
            slotMaxTime="22:00:00"
            scrollTime="08:00:00"
            slotDuration="00:30:00"
            snapDuration="00:15:00"
            slotHeaderFormat={{
              hour: '2-digit',
              minute: '2-digit',
              hour12: false,
            }}
            eventTimeFormat={{
              hour: '2-digit',
              minute: '2-digit',
              hour12: false,
            }}
            dayHeaderFormat={phone ? { weekday: 'short', day: 'numeric', month: 'numeric' } : { weekday: 'short', day: '2-digit', month: '2-digit' }}
            // The month grid's columns are weekdays, not dates. A school's busy afternoon holds a
            // dozen lessons at once: side by side they become unreadable slivers, so the week shows
            // two and a "+N" that opens the rest (a tutor filter shows one tutor's whole week).
            views={{
              dayGridMonth: { dayHeaderFormat: { weekday: 'short' } },
              timeGridWeek: { eventMaxStack: 2 },
              timeGridDay: { eventMaxStack: phone ? 3 : 8 },
            }}
            nowIndicator
            events={events}
            editable={canPlan}
            eventDurationEditable={canPlan}
            selectable={canPlan}
            selectMirror
            longPressDelay={400}
            dayMaxEvents={4}
            noEventsText={t('empty')}
            datesSet={onDatesSet}
            select={onSelect}
            eventClick={(info: EventClickInfo) => {
              info.jsEvent.preventDefault();
              setOpenLessonId(info.event.id);
            }}
            eventDrop={onChange}
            eventResize={onChange}
            listItemEventTitleClass="lesson-list-title"
            eventContent={(arg) => {
              if (arg.view.type.startsWith('list')) return true;
              const p = arg.event.extendedProps as LessonEventProps;
              const who = role === 'parent' && p.students.length ? p.students.map((s) => s.name.split(' ')[0]).join(', ') : p.tutor.name;
              return (
                <div className="lesson-event">
                  <div className="lesson-event-time">{arg.timeText}</div>
                  <div className="lesson-event-title">{p.subject.name}</div>
                  <div className="lesson-event-meta">
                    {who} · {p.room?.name ?? t('online')}
                  </div>
                </div>
              );
            }}
            eventDidMount={(info) => {
              info.el.setAttribute('data-lesson-id', info.event.id);
              info.el.setAttribute('data-status', String(info.event.extendedProps.status));
            }}
          />
        )}
      </div>

      {canPlan && (
        <CreateLessonDialog
          slot={slot}
          onClose={() => setSlot(null)}
          role={role}
          choices={choices}
          timeZone={timeZone}
          defaultTutor={state.tutor}
          onCreated={() => queryClient.invalidateQueries({ queryKey: ['calendar-events'] })}
        />
      )}
      <LessonDetailDialog
        lesson={openLesson}
        onClose={() => setOpenLessonId(null)}
        timeZone={timeZone}
        onChanged={() => queryClient.invalidateQueries({ queryKey: ['calendar-events'] })}
        role={role}
        choices={choices}
      />
    </div>
  );
}

function Filters({
  role,
  state,
  choices,
  onChange,
  filterCount,
}: {
  role: string;
  state: CalendarState;
  choices: CalendarClientProps['choices'];
  onChange: (patch: Partial<CalendarState>) => void;
  filterCount: number;
}) {
  const t = useTranslations('calendar.filters');
  const staff = role === 'admin' || role === 'tutor';
  const selects: {
    key: 'tutor' | 'room' | 'subject' | 'student';
    label: string;
    any: string;
    options: { id: string; name: string }[];
  }[] = [];
  if (role === 'admin')
    selects.push({
      key: 'tutor',
      label: t('tutor'),
      any: t('anyTutor'),
      options: choices.tutors,
    });
  if (staff) {
    selects.push({
      key: 'room',
      label: t('room'),
      any: t('anyRoom'),
      options: choices.rooms,
    });
    selects.push({
      key: 'subject',
      label: t('subject'),
      any: t('anySubject'),
      options: choices.subjects,
    });
    selects.push({
      key: 'student',
      label: t('student'),
      any: t('anyStudent'),
      options: choices.students,
    });
  }
  // On a phone the pickers fold away behind one button, so the calendar starts near the top.
  const [open, setOpen] = useState(false);
  const foldable = selects.length > 1;
  return (
    <>
      {foldable && (
        <Button
          type="button"
          variant="outline"
          size="sm"
          className="min-h-11 justify-self-start md:hidden"
          aria-expanded={open}
          aria-controls="calendar-filters"
          onClick={() => setOpen((v) => !v)}
        >
          <SlidersHorizontal /> {t('label')}
          {filterCount > 0 && ` (${filterCount})`}
        </Button>
      )}
      <fieldset id="calendar-filters" className={cn('flex-wrap items-end gap-2', foldable && !open ? 'hidden md:flex' : 'flex')}>
        <legend className="sr-only">{t('label')}</legend>
        {selects.map((s) => (
          <label key={s.key} className="grid w-[calc(50%-0.25rem)] gap-1 text-xs font-medium text-muted-foreground sm:w-44">
            {s.label}
            <NativeSelect
              value={state[s.key] ?? ''}
              onChange={(e) => onChange({ [s.key]: e.target.value || undefined })}
              className={cn('text-foreground', role === 'parent' ? 'h-11' : 'h-9')}
              data-testid={`filter-${s.key}`}
            >
              <NativeSelectOption value="">{s.any}</NativeSelectOption>
              {s.options.map((o) => (
                <NativeSelectOption key={o.id} value={o.id}>
                  {o.name}
                </NativeSelectOption>
              ))}
            </NativeSelect>
          </label>
        ))}
        <label className={cn('flex items-center gap-2 text-sm', role === 'parent' ? 'min-h-11 text-base' : 'min-h-9')}>
          <input type="checkbox" className="size-4 accent-primary" checked={state.cancelled} onChange={(e) => onChange({ cancelled: e.target.checked })} />
          {t('showCancelled')}
        </label>
        {filterCount > 0 && (
          <Button
            variant="ghost"
            size="sm"
            onClick={() =>
              onChange({
                tutor: undefined,
                room: undefined,
                subject: undefined,
                student: undefined,
              })
            }
          >
            {t('clear')}
          </Button>
        )}
      </fieldset>
    </>
  );
}
