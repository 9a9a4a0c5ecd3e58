'use client';

import { useRouter } from 'next/navigation';
import { useLocale } from 'next-intl';
import { useState, useTransition } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import type { ActionResult } from '@/lib/errors';
import type { Grosze } from '@/lib/money';
import { moneyFieldValue } from './money-field';

type Texts = { label: string; save: string; saveLabel: string; clear: string; clearLabel: string; saved: string; cleared: string; unchanged: string; unit: string; placeholder?: string };

/**
 * One amount edited in place, in a card's row (a student's own price, a tutor's rate): the field,
 * Save, and Remove when an amount is set. The server checks the amount and answers next to it.
 */
export function PriceRowForm({
  id,
  current,
  texts,
  save,
  clear,
}: {
  /** The input's id; its error is `${id}-error`. */
  id: string;
  current: Grosze | null;
  texts: Texts;
  save: (value: string) => Promise<ActionResult<{ changed: boolean }>>;
  clear: () => Promise<ActionResult<{ changed: boolean }>>;
}) {
  const locale = useLocale();
  const router = useRouter();
  const [value, setValue] = useState(moneyFieldValue(current, locale));
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    start(async () => {
      const result = value.trim() === '' && current != null ? await clear() : await save(value);
      if (!result.ok) {
        setError(Object.values(result.fieldErrors ?? {})[0]?.[0] ?? result.message);
        return;
      }
      toast.success(result.data.changed ? (value.trim() === '' ? texts.cleared : texts.saved) : texts.unchanged);
      router.refresh();
    });
  };

  const remove = () => {
    setError(null);
    start(async () => {
      const result = await clear();
      if (!result.ok) {
        setError(result.message);
        return;
      }
      setValue('');
      toast.success(texts.cleared);
      router.refresh();
    });
  };

  return (
    <form onSubmit={submit} noValidate className="grid gap-1">
      <div className="flex flex-wrap items-center gap-2">
        <div className="flex items-center gap-1.5">
          <Input
            id={id}
            aria-label={texts.label}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            inputMode="decimal"
            autoComplete="off"
            placeholder={texts.placeholder}
            value={value}
            onChange={(e) => setValue(e.target.value)}
            className="h-9 w-28 text-right tabular-nums"
          />
          <span className="text-sm text-muted-foreground">{texts.unit}</span>
        </div>
        <Button type="submit" size="sm" variant="secondary" disabled={pending} aria-label={texts.saveLabel}>
          {texts.save}
        </Button>
        {current != null && (
          <Button type="button" size="sm" variant="ghost" disabled={pending} onClick={remove} aria-label={texts.clearLabel}>
            {texts.clear}
          </Button>
        )}
      </div>
      {error && (
        <p id={`${id}-error`} role="alert" className="text-sm text-destructive">
          {error}
        </p>
      )}
    </form>
  );
}
