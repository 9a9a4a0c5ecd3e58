'use client';

import { UserX } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { anonymisePersonAction } from '@/lib/gdpr/actions';
import type { PersonKind } from '@/lib/gdpr/kinds';
import type { GdprChild } from '@/lib/gdpr/queries';
import { confirms } from '@/lib/gdpr/schema';

/**
 * Erasure by anonymisation, confirmed: the dialog says what happens, asks for a decision per
 * child (a parent), and enables the button only once "Anonimizuj" or the name is typed. The
 * server checks all of it again.
 */
export function AnonymiseDialog({ kind, id, name, childrenList }: { kind: PersonKind; id: string; name: string; childrenList: GdprChild[] }) {
  const t = useTranslations('gdpr.anonymise');
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [choices, setChoices] = useState<Record<string, 'anonymise' | 'keep'>>(() => Object.fromEntries(childrenList.map((c) => [c.studentId, c.otherParents > 0 ? 'keep' : 'anonymise'])));
  const [pending, start] = useTransition();
  const ready = confirms(typed, name);

  const submit = () =>
    start(async () => {
      setError(null);
      const result = await anonymisePersonAction({ kind, id, confirmation: typed, children: Object.entries(choices).map(([studentId, action]) => ({ studentId, action })) });
      if (!result.ok) {
        const message = result.fieldErrors?.children?.[0] ?? result.fieldErrors?._form?.[0] ?? result.message;
        setError(message);
        toast.error(message);
        return;
      }
      toast.success(t('done', { name }));
      setOpen(false);
      router.refresh();
    });

  return (
    <Dialog open={open} onOpenChange={(next) => (setOpen(next), setError(null))}>
      <DialogTrigger asChild>
        <Button variant="ghost" className="text-destructive hover:text-destructive" data-testid="gdpr-anonymise">
          <UserX className="size-4" aria-hidden /> {t('button')}
        </Button>
      </DialogTrigger>
      <DialogContent className="max-h-[90dvh] overflow-y-auto sm:max-w-lg">
        <DialogHeader>
          <DialogTitle>{t('title', { name })}</DialogTitle>
          <DialogDescription>{t('body')}</DialogDescription>
        </DialogHeader>
        {(kind === 'parent' || kind === 'student') && <p className="text-sm text-muted-foreground">{t('invoicesNote')}</p>}
        {childrenList.length > 0 && (
          <fieldset className="grid gap-3">
            <legend className="mb-1 text-sm font-medium">{t('childrenTitle')}</legend>
            <p className="text-sm text-muted-foreground">{t('childrenHelp')}</p>
            {childrenList.map((c) => (
              <div key={c.studentId} className="grid gap-2 rounded-md border p-3" role="radiogroup" aria-label={c.name}>
                <span className="font-medium">{c.name}</span>
                <div className="flex flex-wrap gap-x-4 gap-y-2">
                  {(['anonymise', 'keep'] as const).map((action) => (
                    <label key={action} className="flex min-h-11 items-center gap-2 text-sm sm:min-h-0">
                      <input
                        type="radio"
                        name={`child-${c.studentId}`}
                        value={action}
                        checked={choices[c.studentId] === action}
                        onChange={() => setChoices((prev) => ({ ...prev, [c.studentId]: action }))}
                        className="size-4 accent-primary"
                      />
                      {action === 'anonymise' ? t('childAnonymise') : t('childKeep')}
                    </label>
                  ))}
                </div>
              </div>
            ))}
          </fieldset>
        )}
        <div className="grid gap-2">
          <Label htmlFor={`gdpr-confirm-${id}`}>{t('confirmLabel')}</Label>
          <Input id={`gdpr-confirm-${id}`} value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" aria-describedby={error ? `gdpr-error-${id}` : undefined} aria-invalid={Boolean(error)} />
        </div>
        {error && (
          <p id={`gdpr-error-${id}`} role="alert" className="text-sm text-destructive">
            {error}
          </p>
        )}
        <DialogFooter>
          <Button variant="outline" onClick={() => setOpen(false)}>
            {t('cancel')}
          </Button>
          <Button variant="destructive" disabled={!ready || pending} onClick={submit}>
            {pending ? t('working') : t('confirm')}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
