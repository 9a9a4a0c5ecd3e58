'use client';

import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { toast } from 'sonner';
import type { Role } from '@/db/schema';
import { Button } from '@/components/ui/button';
import { DialogFooter } from '@/components/ui/dialog';
import { Notice } from '@/components/ui/notice';
import { updateLessonAction } from '@/lib/lessons/actions';
import type { LessonEvent } from './feed';
import { KindFields, PlaceFields, StudentPicker, SubjectField, TutorField, toggleStudent, type LessonErrors, type Option } from './lesson-fields';
import type { CalendarChoices } from './url-state';

/** `list` with `current` added when it is not among them (a subject archived since, a tutor on leave). */
function withCurrent<T extends Option>(list: T[], current: Option | null): (T | Option)[] {
  return current && !list.some((x) => x.id === current.id) ? [current, ...list] : list;
}

/**
 * Changes a planned lesson: subject, room or meeting link, kind and places, students, and
 * (admins) its tutor, from the same fields as the new-lesson form, filled with the lesson.
 * Its time changes by moving it. Refusals come back as sentences next to the field or above
 * the buttons; an admin refused for the new tutor's hours may save anyway (audited).
 */
export function EditLessonForm(props: {
  lesson: LessonEvent;
  role: Role;
  choices: CalendarChoices;
  onBack: () => void;
  onSaved: () => Promise<unknown> | void;
}) {
  const { lesson, role, choices } = props;
  const p = lesson.extendedProps;
  const t = useTranslations('calendar.edit');
  const [pending, startTransition] = useTransition();
  const known = p.students.map((s) => s.id);
  const [tutorId, setTutorId] = useState(p.tutor.id);
  const [subjectId, setSubjectId] = useState(p.subject.id);
  const [place, setPlace] = useState(p.room ? p.room.id : p.meetingUrl ? 'online' : '');
  const [meetingUrl, setMeetingUrl] = useState(p.meetingUrl ?? '');
  const [kind, setKind] = useState(p.kind);
  const [capacity, setCapacity] = useState(String(p.kind === 'group' ? p.capacity : 4));
  const [studentIds, setStudentIds] = useState(known);
  const [errors, setErrors] = useState<LessonErrors>({});
  const [formError, setFormError] = useState<{ message: string; override: boolean } | null>(null);
  // A lesson with a room and a link keeps both unless the link is cleared.
  const linkWithRoom = p.room !== null && p.meetingUrl !== null;

  const save = (overrideAvailability = false) => {
    const online = place === 'online';
    startTransition(async () => {
      const result = await updateLessonAction({
        lessonId: lesson.id,
        ...(role === 'admin' ? { tutorId } : {}),
        subjectId,
        roomId: online || !place ? null : place,
        meetingUrl: online || linkWithRoom ? meetingUrl : null,
        kind,
        capacity: kind === 'individual' ? 1 : Number.parseInt(capacity, 10) || 0,
        studentIds,
        knownStudentIds: known,
        ...(overrideAvailability ? { overrideAvailability: true } : {}),
      });
      if (result.ok) {
        toast.success(t('saved'));
        await props.onSaved();
        return;
      }
      const fieldErrors = result.fieldErrors ?? {};
      setErrors(fieldErrors);
      // Refusals that name no field (a busy room or student) are shown above the buttons.
      setFormError(
        Object.keys(fieldErrors).length ? null : { message: result.message, override: role === 'admin' && result.reason === 'outside_availability' },
      );
    });
  };

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
      className="grid gap-4"
      noValidate
      data-testid="edit-lesson-form"
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <TutorField idPrefix="edit" role={role} tutors={withCurrent(choices.tutors, p.tutor)} value={tutorId} onChange={setTutorId} errors={errors} />
        <SubjectField idPrefix="edit" subjects={withCurrent(choices.subjects, p.subject)} value={subjectId} onChange={setSubjectId} errors={errors} />
      </div>
      <PlaceFields
        idPrefix="edit"
        rooms={withCurrent(choices.rooms, p.room)}
        place={place}
        onPlace={setPlace}
        meetingUrl={meetingUrl}
        onMeetingUrl={setMeetingUrl}
        linkWithRoom={linkWithRoom}
        errors={errors}
      />
      <KindFields
        idPrefix="edit"
        kind={kind}
        onKind={(next) => {
          setKind(next);
          if (next === 'individual') setStudentIds((prev) => prev.slice(0, 1));
        }}
        capacity={capacity}
        onCapacity={setCapacity}
        errors={errors}
      />
      <StudentPicker
        idPrefix="edit"
        students={choices.students}
        known={p.students}
        value={studentIds}
        onToggle={(id) => setStudentIds((prev) => toggleStudent(prev, id, kind))}
        errors={errors}
      />
      {p.seriesId && <p className="text-sm text-muted-foreground">{t('seriesNote')}</p>}
      {formError && (
        <Notice tone="error" className="grid gap-2">
          <span>{formError.message}</span>
          {formError.override && (
            <Button type="button" variant="outline" size="sm" className="justify-self-start" onClick={() => save(true)} disabled={pending}>
              {t('saveAnyway')}
            </Button>
          )}
        </Notice>
      )}
      <DialogFooter>
        <Button type="button" variant="outline" onClick={props.onBack} className="max-sm:min-h-11 max-sm:w-full">
          {t('back')}
        </Button>
        <Button type="submit" disabled={pending} className="max-sm:min-h-11 max-sm:w-full">
          {t('save')}
        </Button>
      </DialogFooter>
    </form>
  );
}
