'use client';

import { Archive, ArchiveRestore, Pause, Play, Trash2 } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useTransition } from 'react';
import { toast } from 'sonner';
import { AlertDialog, AlertDialogAction, AlertDialogCancel, AlertDialogContent, AlertDialogDescription, AlertDialogFooter, AlertDialogHeader, AlertDialogTitle, AlertDialogTrigger } from '@/components/ui/alert-dialog';
import { Button } from '@/components/ui/button';
import { deleteStudentAction, setStudentStatusAction } from '@/lib/students/actions';

type Props = {
  student: { id: string; name: string; status: 'active' | 'paused' | 'archived' };
  /** What stops deletion, in words; empty when nothing refers to the student. */
  blockers: string[];
  /** What goes with the student when deleted. */
  alsoRemoved: string[];
};

export function StudentActions({ student, blockers, alsoRemoved }: Props) {
  const t = useTranslations('students');
  const tr = useTranslations('records');
  const router = useRouter();
  const [pending, start] = useTransition();
  const setStatus = (status: 'active' | 'paused' | 'archived', success: string) =>
    start(async () => {
      const r = await setStudentStatusAction({ studentId: student.id, status });
      if (r.ok) {
        toast.success(success);
        router.refresh();
      } else toast.error(r.message);
    });

  return (
    <>
      {student.status === 'active' && (
        <Button variant="outline" disabled={pending} onClick={() => setStatus('paused', t('statusChanged', { status: t('statuses.paused') }))}>
          <Pause className="size-4" aria-hidden /> {t('detail.pause')}
        </Button>
      )}
      {student.status === 'paused' && (
        <Button variant="outline" disabled={pending} onClick={() => setStatus('active', t('statusChanged', { status: t('statuses.active') }))}>
          <Play className="size-4" aria-hidden /> {t('detail.activate')}
        </Button>
      )}
      {student.status === 'archived' ? (
        <Button variant="outline" disabled={pending} onClick={() => setStatus('active', tr('restored'))}>
          <ArchiveRestore className="size-4" aria-hidden /> {tr('restore')}
        </Button>
      ) : (
        <AlertDialog>
          <AlertDialogTrigger asChild>
            <Button variant="outline" disabled={pending}>
              <Archive className="size-4" aria-hidden /> {tr('archive')}
            </Button>
          </AlertDialogTrigger>
          <AlertDialogContent>
            <AlertDialogHeader>
              <AlertDialogTitle>{tr('archiveTitle', { name: student.name })}</AlertDialogTitle>
              <AlertDialogDescription>{tr('archiveBody', { name: student.name })}</AlertDialogDescription>
            </AlertDialogHeader>
            <AlertDialogFooter>
              <AlertDialogCancel>{tr('cancel')}</AlertDialogCancel>
              <AlertDialogAction onClick={() => setStatus('archived', tr('archived'))}>{tr('archive')}</AlertDialogAction>
            </AlertDialogFooter>
          </AlertDialogContent>
        </AlertDialog>
      )}
      <AlertDialog>
        <AlertDialogTrigger asChild>
          <Button variant="ghost" disabled={pending} className="text-destructive hover:text-destructive">
            <Trash2 className="size-4" aria-hidden /> {tr('delete')}
          </Button>
        </AlertDialogTrigger>
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>{tr('deleteTitle', { name: student.name })}</AlertDialogTitle>
            <AlertDialogDescription>
              {blockers.length > 0 ? tr('cannotDelete', { items: blockers.join(', ') }) : `${tr('deleteBody')}${alsoRemoved.length ? ' ' + tr('deleteAlsoRemoves', { items: alsoRemoved.join(', ') }) : ''}`}
            </AlertDialogDescription>
          </AlertDialogHeader>
          <AlertDialogFooter>
            <AlertDialogCancel>{tr('cancel')}</AlertDialogCancel>
            {blockers.length === 0 && (
              <AlertDialogAction
                variant="destructive"
                onClick={() =>
                  start(async () => {
                    const r = await deleteStudentAction({ studentId: student.id });
                    if (r.ok) {
                      toast.success(tr('deleted'));
                      router.push('/admin/students');
                    } else toast.error(r.message);
                  })
                }
              >
                {tr('delete')}
              </AlertDialogAction>
            )}
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
    </>
  );
}
