'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { toast } from 'sonner';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';
import { Textarea } from '@/components/ui/textarea';
import { recordConsentAction } from '@/lib/gdpr/actions';
import type { ConsentState } from '@/lib/gdpr/consents';
import { CONSENT_SOURCES, type ConsentKind, type ConsentSource } from '@/lib/gdpr/kinds';
import { formatCalendarDate } from '@/lib/time';

/**
 * A student's or parent's consents: per kind the current state (granted, withdrawn, or not
 * collected) with its date and source, a form to record a grant or a withdrawal (a new entry:
 * the history stays), and the earlier entries.
 */
export function Consents({ personKind, personId, states, today, readOnly }: { personKind: 'student' | 'parent'; personId: string; states: ConsentState[]; today: string; readOnly: boolean }) {
  const t = useTranslations('gdpr.consents');
  return (
    <Card data-testid="gdpr-consents">
      <CardHeader>
        <CardTitle>
          <h2>{t('title')}</h2>
        </CardTitle>
        <CardDescription>{readOnly ? t('anonymised') : t('description')}</CardDescription>
      </CardHeader>
      <CardContent>
        <ul className="grid gap-4">
          {states.map((s) => (
            <ConsentRow key={s.kind} state={s} personKind={personKind} personId={personId} today={today} readOnly={readOnly} />
          ))}
        </ul>
      </CardContent>
    </Card>
  );
}

function ConsentRow({ state, personKind, personId, today, readOnly }: { state: ConsentState; personKind: 'student' | 'parent'; personId: string; today: string; readOnly: boolean }) {
  const t = useTranslations('gdpr.consents');
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const [granted, setGranted] = useState(!state.current?.granted);
  const [givenOn, setGivenOn] = useState(today);
  const [source, setSource] = useState<ConsentSource>('paper');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [pending, start] = useTransition();
  const base = `consent-${state.kind}`;
  const current = state.current;

  const save = () =>
    start(async () => {
      const result = await recordConsentAction({ personKind, personId, kind: state.kind as ConsentKind, granted, givenOn, source, note });
      if (!result.ok) {
        setErrors(result.fieldErrors ?? {});
        toast.error(result.message);
        return;
      }
      setErrors({});
      toast.success(t('saved'));
      setEditing(false);
      router.refresh();
    });

  return (
    <li className="grid gap-2 rounded-md border p-3" data-testid={`consent-${state.kind}`}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <span className="font-medium">{t(`kinds.${state.kind}`)}</span>
        {current ? (
          <Badge variant={current.granted ? 'success' : 'secondary'}>{t('state', { state: current.granted ? t('granted') : t('withdrawn'), date: formatCalendarDate(current.givenOn), source: t(`sources.${current.source}`) })}</Badge>
        ) : (
          <Badge variant="outline">{t('none')}</Badge>
        )}
      </div>
      {!readOnly && !editing && (
        <div className="flex flex-wrap gap-2">
          <Button size="sm" variant="outline" onClick={() => (setGranted(true), setEditing(true))}>
            {t('grant')}
          </Button>
          {current?.granted && (
            <Button size="sm" variant="outline" onClick={() => (setGranted(false), setEditing(true))}>
              {t('withdraw')}
            </Button>
          )}
        </div>
      )}
      {editing && (
        <div className="grid gap-3 rounded-md bg-muted/40 p-3" role="group" aria-label={`${t(`kinds.${state.kind}`)}: ${granted ? t('grant') : t('withdraw')}`}>
          <p className="text-sm font-medium">{granted ? t('grant') : t('withdraw')}</p>
          <div className="grid gap-3 sm:grid-cols-2">
            <div className="grid gap-1">
              <Label htmlFor={`${base}-date`}>{t('givenOn')}</Label>
              <Input id={`${base}-date`} type="date" value={givenOn} max={today} onChange={(e) => setGivenOn(e.target.value)} aria-invalid={Boolean(errors.givenOn)} />
              {errors.givenOn && <p className="text-sm text-destructive">{errors.givenOn[0]}</p>}
            </div>
            <div className="grid gap-1">
              <Label htmlFor={`${base}-source`}>{t('source')}</Label>
              <NativeSelect id={`${base}-source`} value={source} onChange={(e) => setSource(e.target.value as ConsentSource)}>
                {CONSENT_SOURCES.map((s) => (
                  <NativeSelectOption key={s} value={s}>
                    {t(`sources.${s}`)}
                  </NativeSelectOption>
                ))}
              </NativeSelect>
            </div>
          </div>
          <div className="grid gap-1">
            <Label htmlFor={`${base}-note`}>{t('note')}</Label>
            <Textarea id={`${base}-note`} value={note} maxLength={500} rows={2} onChange={(e) => setNote(e.target.value)} />
            {errors.note && <p className="text-sm text-destructive">{errors.note[0]}</p>}
          </div>
          <div className="flex flex-wrap gap-2">
            <Button size="sm" onClick={save} disabled={pending}>
              {t('save')}
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setEditing(false)}>
              {t('cancel')}
            </Button>
          </div>
        </div>
      )}
      {state.history.length > 1 && (
        <details className="text-sm">
          <summary className="cursor-pointer text-muted-foreground">{t('history', { count: state.history.length })}</summary>
          <ul className="mt-2 grid gap-1">
            {state.history.map((h) => (
              <li key={h.id} className="text-muted-foreground">
                {t('state', { state: h.granted ? t('granted') : t('withdrawn'), date: formatCalendarDate(h.givenOn), source: t(`sources.${h.source}`) })}
                {h.recordedBy ? ` · ${t('recordedBy', { name: h.recordedBy })}` : ''}
                {h.note ? ` · ${h.note}` : ''}
              </li>
            ))}
          </ul>
        </details>
      )}
    </li>
  );
}
