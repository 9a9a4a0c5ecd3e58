'use client';

import { Link2, Unlink } from 'lucide-react';
import NextLink from '@/components/ui/link';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { toast } from 'sonner';
import { Badge } from '@/components/ui/badge';
import { AlertDialog, AlertDialogAction, AlertDialogCancel, AlertDialogContent, AlertDialogDescription, AlertDialogFooter, AlertDialogHeader, AlertDialogTitle, AlertDialogTrigger } from '@/components/ui/alert-dialog';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Label } from '@/components/ui/label';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';
import { linkFamilyAction, unlinkFamilyAction, updateFamilyLinkAction } from '@/lib/accounts/actions';
import type { FamilyLink } from '@/lib/accounts/queries';

type Props = {
  /** Whose page this is: a parent's (listing children) or a student's (listing parents). */
  side: 'parent' | 'student';
  profileId: string;
  links: FamilyLink[];
  candidates: { id: string; name: string }[];
};

export function FamilyLinks({ side, profileId, links, candidates }: Props) {
  const t = useTranslations('accounts');
  const router = useRouter();
  const [pending, start] = useTransition();
  const [other, setOther] = useState('');
  const [access, setAccess] = useState<'view' | 'full'>('full');
  const [isPayer, setIsPayer] = useState(false);
  const ids = (otherId: string) => (side === 'parent' ? { parentId: profileId, studentId: otherId } : { parentId: otherId, studentId: profileId });
  const otherIdOf = (l: FamilyLink) => (side === 'parent' ? l.studentId : l.parentId);
  const done = (ok: boolean, message: string, success: string) => {
    if (ok) {
      toast.success(success);
      router.refresh();
    } else toast.error(message);
  };

  return (
    <Card>
      <CardHeader>
        <CardTitle>{side === 'parent' ? t('children') : t('parents')}</CardTitle>
        {links.length === 0 && <CardDescription>{side === 'parent' ? t('noChildren') : t('noParents')}</CardDescription>}
      </CardHeader>
      <CardContent className="grid gap-4">
        {links.length > 0 && (
          <ul className="divide-y rounded-md border" data-testid="family-links">
            {links.map((l) => (
              <li key={otherIdOf(l)} className="flex flex-wrap items-center gap-3 px-3 py-2">
                <NextLink href={side === 'parent' ? `/admin/students/${l.studentId}` : `/admin/parents/${l.parentId}`} className="min-w-40 flex-1 font-medium hover:underline">
                  {l.name}
                </NextLink>
                {l.isPayer && <Badge variant="secondary">{t('payerYes')}</Badge>}
                <Label className="sr-only" htmlFor={`access-${otherIdOf(l)}`}>
                  {t('access')}
                </Label>
                <NativeSelect
                  id={`access-${otherIdOf(l)}`}
                  className="w-40"
                  value={l.access}
                  disabled={pending}
                  onChange={(e) =>
                    start(async () => {
                      const r = await updateFamilyLinkAction({ ...ids(otherIdOf(l)), access: e.target.value as 'view' | 'full', isPayer: l.isPayer });
                      done(r.ok, r.ok ? '' : r.message, t('linkUpdated'));
                    })
                  }
                >
                  <NativeSelectOption value="full">{t('accessLevels.full')}</NativeSelectOption>
                  <NativeSelectOption value="view">{t('accessLevels.view')}</NativeSelectOption>
                </NativeSelect>
                {!l.isPayer && (
                  <Button
                    variant="ghost"
                    size="sm"
                    disabled={pending}
                    onClick={() =>
                      start(async () => {
                        const r = await updateFamilyLinkAction({ ...ids(otherIdOf(l)), access: l.access, isPayer: true });
                        done(r.ok, r.ok ? '' : r.message, t('linkUpdated'));
                      })
                    }
                  >
                    {t('payerYes')}
                  </Button>
                )}
                <AlertDialog>
                  <AlertDialogTrigger asChild>
                    <Button variant="ghost" size="icon" aria-label={`${t('unlink')}: ${l.name}`} disabled={pending}>
                      <Unlink className="size-4" aria-hidden />
                    </Button>
                  </AlertDialogTrigger>
                  <AlertDialogContent>
                    <AlertDialogHeader>
                      <AlertDialogTitle>{t('unlinkTitle', { name: l.name })}</AlertDialogTitle>
                      <AlertDialogDescription>{t('unlinkBody')}</AlertDialogDescription>
                    </AlertDialogHeader>
                    <AlertDialogFooter>
                      <AlertDialogCancel>{t('confirmCancel')}</AlertDialogCancel>
                      <AlertDialogAction
                        variant="destructive"
                        onClick={() =>
                          start(async () => {
                            const r = await unlinkFamilyAction(ids(otherIdOf(l)));
                            done(r.ok, r.ok ? '' : r.message, t('unlinked'));
                          })
                        }
                      >
                        {t('unlink')}
                      </AlertDialogAction>
                    </AlertDialogFooter>
                  </AlertDialogContent>
                </AlertDialog>
                {l.userId && (
                  <NextLink href={`/admin/users/${l.userId}`} className="text-sm text-muted-foreground hover:text-foreground hover:underline">
                    {t('account')}
                  </NextLink>
                )}
              </li>
            ))}
          </ul>
        )}
        <form
          className="grid gap-3 rounded-md border border-dashed p-3 sm:grid-cols-[1fr_auto_auto_auto] sm:items-end"
          onSubmit={(e) => {
            e.preventDefault();
            if (!other) return;
            start(async () => {
              const r = await linkFamilyAction({ ...ids(other), access, isPayer });
              done(r.ok, r.ok ? '' : r.message, t('linked'));
              if (r.ok) setOther('');
            });
          }}
        >
          <div className="grid gap-1.5">
            <Label htmlFor="link-other">{side === 'parent' ? t('child') : t('parent')}</Label>
            <NativeSelect id="link-other" value={other} onChange={(e) => setOther(e.target.value)} required>
              <NativeSelectOption value="">{t('choose')}</NativeSelectOption>
              {candidates.map((c) => (
                <NativeSelectOption key={c.id} value={c.id}>
                  {c.name}
                </NativeSelectOption>
              ))}
            </NativeSelect>
          </div>
          <div className="grid gap-1.5">
            <Label htmlFor="link-access">{t('access')}</Label>
            <NativeSelect id="link-access" value={access} onChange={(e) => setAccess(e.target.value as 'view' | 'full')}>
              <NativeSelectOption value="full">{t('accessLevels.full')}</NativeSelectOption>
              <NativeSelectOption value="view">{t('accessLevels.view')}</NativeSelectOption>
            </NativeSelect>
          </div>
          <label className="flex min-h-9 items-center gap-2 text-sm">
            <input type="checkbox" className="size-4 accent-primary" checked={isPayer} onChange={(e) => setIsPayer(e.target.checked)} />
            {t('payerYes')}
          </label>
          <Button type="submit" disabled={pending || !other}>
            <Link2 className="size-4" aria-hidden />
            {side === 'parent' ? t('linkChild') : t('linkParent')}
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}
