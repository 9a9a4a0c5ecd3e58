'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { FormField, fieldProps } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';
import { Textarea } from '@/components/ui/textarea';
import { startThreadAction } from '@/lib/messaging/actions';
import type { ComposeStudent } from '@/lib/messaging/queries';
import { BODY_MAX, SUBJECT_MAX } from '@/lib/messaging/schema';

type Errors = Partial<Record<'studentId' | 'to' | 'audience' | 'subject' | 'body', string>>;

/**
 * A new conversation: about which student, with whom on the school's side (a parent or a
 * student) or which family side (staff), a subject and the first message. The options come
 * from the server and are checked again there.
 */
export function NewThreadForm({ students, staff, base, initialStudentId }: { students: ComposeStudent[]; staff: boolean; base: string; initialStudentId?: string }) {
  const t = useTranslations('messaging');
  const router = useRouter();
  const [studentId, setStudentId] = useState(students.find((s) => s.id === initialStudentId)?.id ?? students[0]?.id ?? '');
  const student = students.find((s) => s.id === studentId);
  const [to, setTo] = useState(student?.recipients[0]?.value ?? 'office');
  const [audience, setAudience] = useState<'family' | 'student'>(student?.audiences[0] ?? 'family');
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, start] = useTransition();

  const pickStudent = (id: string) => {
    setStudentId(id);
    const next = students.find((s) => s.id === id);
    setTo(next?.recipients[0]?.value ?? 'office');
    setAudience(next?.audiences[0] ?? 'family');
  };

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    start(async () => {
      const result = await startThreadAction({ studentId, to, audience: staff ? audience : undefined, subject, body });
      if (result.ok) {
        toast.success(t('sent'));
        router.push(`${base}/${result.data.id}`);
      } else {
        const fe = result.fieldErrors ?? {};
        setErrors({ studentId: fe.studentId?.[0], to: fe.to?.[0], audience: fe.audience?.[0], subject: fe.subject?.[0], body: fe.body?.[0] });
        setFormError(Object.keys(fe).length > 0 ? null : result.message);
      }
    });
  };

  return (
    <form onSubmit={submit} className="grid gap-5" data-testid="new-thread-form" noValidate>
      <div className="grid gap-5 sm:grid-cols-2">
        <FormField id="thread-student" label={t('studentLabel')} error={errors.studentId} required>
          <NativeSelect {...fieldProps('thread-student', errors.studentId)} value={studentId} onChange={(e) => pickStudent(e.target.value)} className="h-11 md:h-9">
            {students.map((s) => (
              <NativeSelectOption key={s.id} value={s.id}>
                {s.name}
              </NativeSelectOption>
            ))}
          </NativeSelect>
        </FormField>
        {staff ? (
          <FormField id="thread-audience" label={t('audienceLabel')} error={errors.audience} required>
            <NativeSelect
              {...fieldProps('thread-audience', errors.audience)}
              value={audience}
              onChange={(e) => setAudience(e.target.value as 'family' | 'student')}
              className="h-11 md:h-9"
            >
              {(student?.audiences ?? []).map((a) => (
                <NativeSelectOption key={a} value={a}>
                  {t(`audience.${a}`)}
                </NativeSelectOption>
              ))}
            </NativeSelect>
          </FormField>
        ) : (
          <FormField id="thread-to" label={t('toLabel')} error={errors.to} required>
            <NativeSelect {...fieldProps('thread-to', errors.to)} value={to} onChange={(e) => setTo(e.target.value)} className="h-11 md:h-9">
              {(student?.recipients ?? []).map((r) => (
                <NativeSelectOption key={r.value} value={r.value}>
                  {r.tutorName ? t('toTutor', { name: r.tutorName }) : t('office')}
                </NativeSelectOption>
              ))}
            </NativeSelect>
          </FormField>
        )}
      </div>
      <FormField id="thread-subject" label={t('subjectLabel')} error={errors.subject} required>
        <Input {...fieldProps('thread-subject', errors.subject)} value={subject} onChange={(e) => setSubject(e.target.value)} maxLength={SUBJECT_MAX} className="h-11 text-base md:h-9 md:text-sm" />
      </FormField>
      <FormField id="thread-body" label={t('bodyLabel')} error={errors.body} required>
        <Textarea {...fieldProps('thread-body', errors.body)} value={body} onChange={(e) => setBody(e.target.value)} rows={6} maxLength={BODY_MAX} className="min-h-36 text-base md:text-sm" />
      </FormField>
      {formError && (
        <p role="alert" className="text-sm text-destructive" data-testid="form-error">
          {formError}
        </p>
      )}
      <div className="flex justify-end">
        <Button type="submit" disabled={pending || !studentId} className="min-h-11 md:min-h-9">
          {pending ? t('sending') : t('send')}
        </Button>
      </div>
    </form>
  );
}
