'use client';

import { ImageUp, Trash2 } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useId, useRef, useState, useTransition } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { removeSchoolLogoAction, uploadSchoolLogoAction } from '@/lib/settings/actions';

/** Mirrors the server's limit (lib/schools/logo.ts), so a person learns at once that a file is too big. */
const MAX_BYTES = 256 * 1024;

function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/**
 * The school's logo: the one in use (or a note that there is none), a button to choose a PNG
 * or JPEG (saved at once) and one to take it off. The server checks the file's bytes again.
 */
export function LogoField({ logo }: { logo: string | null }) {
  const t = useTranslations('settings.school');
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [pending, startTransition] = useTransition();
  const [problem, setProblem] = useState<string | null>(null);
  const helpId = useId();

  const upload = (file: File) =>
    startTransition(async () => {
      setProblem(null);
      if (!['image/png', 'image/jpeg'].includes(file.type)) return setProblem(t('logoInvalid'));
      if (file.size > MAX_BYTES) return setProblem(t('logoTooLarge'));
      const result = await uploadSchoolLogoAction({ dataUrl: await readAsDataUrl(file) });
      if (!result.ok) return setProblem(result.fieldErrors?.dataUrl?.[0] ?? result.message);
      toast.success(t('logoSaved'));
      router.refresh();
    });

  const remove = () =>
    startTransition(async () => {
      setProblem(null);
      const result = await removeSchoolLogoAction({});
      if (!result.ok) return void toast.error(result.message);
      toast.success(t('logoRemoved'));
      router.refresh();
    });

  return (
    <div className="grid gap-3 border-t pt-6" role="group" aria-labelledby={`${helpId}-label`} aria-describedby={helpId}>
      <div>
        <p id={`${helpId}-label`} className="text-sm font-medium">
          {t('logo')}
        </p>
        <p id={helpId} className="text-sm text-muted-foreground">
          {t('logoHelp')}
        </p>
      </div>
      <div className="flex flex-wrap items-center gap-4">
        <div className="flex h-16 w-40 items-center justify-center rounded-md border bg-white p-2" data-testid="school-logo-preview">
          {logo ? (
            // eslint-disable-next-line @next/next/no-img-element -- a small stored image served by our own route; nothing for the optimiser to do
            <img src={logo} alt={t('logoAlt')} className="max-h-full max-w-full object-contain" />
          ) : (
            <span className="text-xs text-zinc-500">{t('noLogo')}</span>
          )}
        </div>
        <div className="flex flex-wrap gap-2">
          <input
            ref={input}
            type="file"
            accept="image/png,image/jpeg"
            className="sr-only"
            tabIndex={-1}
            aria-hidden
            data-testid="school-logo-input"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) upload(file);
            }}
          />
          <Button type="button" variant="outline" disabled={pending} onClick={() => input.current?.click()}>
            <ImageUp aria-hidden /> {logo ? t('logoChange') : t('logoChoose')}
          </Button>
          {logo && (
            <Button type="button" variant="ghost" disabled={pending} onClick={remove}>
              <Trash2 aria-hidden /> {t('logoRemove')}
            </Button>
          )}
        </div>
      </div>
      {problem && (
        <p role="alert" className="text-sm text-destructive" data-testid="school-logo-problem">
          {problem}
        </p>
      )}
    </div>
  );
}
