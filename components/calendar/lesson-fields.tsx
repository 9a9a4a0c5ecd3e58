'use client';

import { useTranslations } from 'next-intl';
import { useMemo, useState } from 'react';
import type { Role } from '@/db/schema';
import { FormField, fieldProps } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';

/**
 * The fields of a lesson shared by the new-lesson form and the edit form: tutor, subject,
 * place (room or meeting link), kind and places, students. Each form keeps the state; these
 * draw it. `idPrefix` keeps the two forms' ids apart ("lesson-subject", "edit-subject").
 */

export type LessonErrors = Record<string, string[] | undefined>;
export type Option = { id: string; name: string };

function fold(value: string) {
  return value.normalize('NFD').replace(/\p{M}/gu, '').replace(/ł/g, 'l').replace(/Ł/g, 'L').toLowerCase();
}

export function TutorField(props: { idPrefix: string; role: Role; tutors: Option[]; value: string; onChange: (id: string) => void; errors: LessonErrors }) {
  const t = useTranslations('calendar.create');
  const id = `${props.idPrefix}-tutor`;
  if (props.role !== 'admin') {
    // A tutor plans and keeps their own lessons.
    return (
      <div className="grid gap-2 text-sm">
        <span className="font-medium">{t('tutor')}</span>
        <span className="flex h-9 items-center text-muted-foreground">{props.tutors.find((x) => x.id === props.value)?.name ?? props.tutors[0]?.name}</span>
      </div>
    );
  }
  return (
    <FormField id={id} label={t('tutor')} error={props.errors.tutorId} required>
      <NativeSelect {...fieldProps(id, props.errors.tutorId)} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        <NativeSelectOption value="">{t('chooseTutor')}</NativeSelectOption>
        {props.tutors.map((x) => (
          <NativeSelectOption key={x.id} value={x.id}>
            {x.name}
          </NativeSelectOption>
        ))}
      </NativeSelect>
    </FormField>
  );
}

export function SubjectField(props: { idPrefix: string; subjects: Option[]; value: string; onChange: (id: string) => void; errors: LessonErrors }) {
  const t = useTranslations('calendar.create');
  const id = `${props.idPrefix}-subject`;
  return (
    <FormField id={id} label={t('subject')} error={props.errors.subjectId} required>
      <NativeSelect {...fieldProps(id, props.errors.subjectId)} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        <NativeSelectOption value="">{t('chooseSubject')}</NativeSelectOption>
        {props.subjects.map((x) => (
          <NativeSelectOption key={x.id} value={x.id}>
            {x.name}
          </NativeSelectOption>
        ))}
      </NativeSelect>
    </FormField>
  );
}

/**
 * Where: a room, or "online" with a meeting link. `place` is a room id, "online" or "".
 * `linkWithRoom` keeps a link field beside a room (a lesson that has both keeps its link).
 */
export function PlaceFields(props: {
  idPrefix: string;
  rooms: (Option & { capacity?: number })[];
  place: string;
  onPlace: (place: string) => void;
  meetingUrl: string;
  onMeetingUrl: (url: string) => void;
  linkWithRoom?: boolean;
  errors: LessonErrors;
}) {
  const t = useTranslations('calendar.create');
  const placeId = `${props.idPrefix}-place`;
  const urlId = `${props.idPrefix}-url`;
  const online = props.place === 'online';
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <FormField id={placeId} label={t('place')} error={props.errors.roomId} required>
        <NativeSelect {...fieldProps(placeId, props.errors.roomId)} value={props.place} onChange={(e) => props.onPlace(e.target.value)}>
          <NativeSelectOption value="">{t('choosePlace')}</NativeSelectOption>
          {props.rooms.map((x) => (
            <NativeSelectOption key={x.id} value={x.id}>
              {x.capacity ? `${x.name} (${x.capacity})` : x.name}
            </NativeSelectOption>
          ))}
          <NativeSelectOption value="online">{t('onlineOption')}</NativeSelectOption>
        </NativeSelect>
      </FormField>
      {(online || (props.linkWithRoom && props.place !== '')) && (
        <FormField id={urlId} label={online ? t('meetingUrl') : t('meetingUrlOptional')} error={props.errors.meetingUrl} required={online}>
          <Input
            {...fieldProps(urlId, props.errors.meetingUrl)}
            value={props.meetingUrl}
            onChange={(e) => props.onMeetingUrl(e.target.value)}
            type="url"
            placeholder="https://meet.example.com/…"
          />
        </FormField>
      )}
    </div>
  );
}

/** Individual or group, and a group's places (kept as typed; the action judges the number). */
export function KindFields(props: {
  idPrefix: string;
  kind: 'individual' | 'group';
  onKind: (kind: 'individual' | 'group') => void;
  capacity: string;
  onCapacity: (capacity: string) => void;
  errors: LessonErrors;
}) {
  const t = useTranslations('calendar.create');
  const tk = useTranslations('calendar.kind');
  const kindId = `${props.idPrefix}-kind`;
  const capacityId = `${props.idPrefix}-capacity`;
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <FormField id={kindId} label={t('kind')} error={props.errors.kind}>
        <NativeSelect {...fieldProps(kindId, props.errors.kind)} value={props.kind} onChange={(e) => props.onKind(e.target.value as 'individual' | 'group')}>
          <NativeSelectOption value="individual">{tk('individual')}</NativeSelectOption>
          <NativeSelectOption value="group">{tk('group')}</NativeSelectOption>
        </NativeSelect>
      </FormField>
      {props.kind === 'group' && (
        <FormField id={capacityId} label={t('capacity')} error={props.errors.capacity}>
          <Input {...fieldProps(capacityId, props.errors.capacity)} value={props.capacity} onChange={(e) => props.onCapacity(e.target.value)} inputMode="numeric" />
        </FormField>
      )}
    </div>
  );
}

/** A new selection after a student is ticked or unticked: an individual lesson has one. */
export function toggleStudent(selected: string[], id: string, kind: 'individual' | 'group'): string[] {
  if (selected.includes(id)) return selected.filter((x) => x !== id);
  return kind === 'individual' ? [id] : [...selected, id];
}

/**
 * Students by search: the chosen ones as removable chips, then up to 50 matches to tick.
 * `known` names students who are not among the choices (already in the lesson, say).
 */
export function StudentPicker(props: {
  idPrefix: string;
  students: Option[];
  known?: Option[];
  value: string[];
  onToggle: (id: string) => void;
  errors: LessonErrors;
}) {
  const t = useTranslations('calendar.create');
  const [search, setSearch] = useState('');
  const id = `${props.idPrefix}-students`;
  const matches = useMemo(() => {
    const words = fold(search).split(/\s+/).filter(Boolean);
    return props.students.filter((s) => words.every((w) => fold(s.name).includes(w))).slice(0, 50);
  }, [search, props.students]);
  const names = new Map([...(props.known ?? []), ...props.students].map((s) => [s.id, s.name]));
  return (
    <>
      <FormField id={id} label={t('students')} error={props.errors.studentIds} description={t('chosen', { count: props.value.length })}>
        <Input
          {...fieldProps(id, props.errors.studentIds, { description: true })}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          placeholder={t('searchStudents')}
          type="search"
          autoComplete="off"
        />
      </FormField>
      {props.value.length > 0 && (
        <ul className="flex flex-wrap gap-1.5" aria-label={t('students')}>
          {props.value.map((sid) => (
            <li key={sid}>
              <button
                type="button"
                onClick={() => props.onToggle(sid)}
                className="rounded-full border bg-muted px-2.5 py-1 text-xs hover:bg-accent focus-visible:ring-[3px] focus-visible:ring-ring/50 focus-visible:outline-none"
              >
                {names.get(sid)} ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="max-h-40 overflow-y-auto rounded-md border">
        {matches.length === 0 ? (
          <p className="p-3 text-sm text-muted-foreground">{t('noStudentsFound')}</p>
        ) : (
          <ul>
            {matches.map((s) => (
              <li key={s.id}>
                <label className="flex min-h-9 cursor-pointer items-center gap-2 px-3 text-sm hover:bg-accent">
                  <input type="checkbox" className="size-4 accent-primary" checked={props.value.includes(s.id)} onChange={() => props.onToggle(s.id)} />
                  {s.name}
                </label>
              </li>
            ))}
          </ul>
        )}
      </div>
    </>
  );
}
