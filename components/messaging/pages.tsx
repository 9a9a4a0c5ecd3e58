import Link from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { ArrowLeft, MessagesSquare, PenSquare } from 'lucide-react';
import { getTranslations } from 'next-intl/server';
import { EmptyState } from '@/components/list/empty-state';
import { PageHeader } from '@/components/list/page-header';
import { pageNumber } from '@/components/list/url-state';
import { Pagination } from '@/components/pagination';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { Notice } from '@/components/ui/notice';
import type { Viewer } from '@/lib/auth/viewer';
import { composeOptions, getThread, listThreads } from '@/lib/messaging/queries';
import { cn } from '@/lib/utils';
import { MarkRead } from './mark-read';
import { MessageList } from './message-list';
import { NewThreadForm } from './new-thread-form';
import { ReplyForm } from './reply-form';
import { ThreadList } from './thread-list';

type Search = Record<string, string | string[] | undefined>;

const baseOf = (viewer: Viewer) => `/${viewer.role}/messages`;
/** The family's pages are read on phones: a narrower, roomier column. */
const widthOf = (viewer: Viewer) => (viewer.role === 'parent' || viewer.role === 'student' ? 'max-w-3xl' : 'max-w-5xl');

/** "Wiadomości": every thread the viewer reads, and a way to start one when they may write. */
export async function MessagesIndex({ viewer, search }: { viewer: Viewer; search: Search }) {
  const page = pageNumber(search.page);
  const [t, { rows, total, pageSize }, options] = await Promise.all([getTranslations('messaging'), listThreads(viewer, { page }), composeOptions(viewer)]);
  const base = baseOf(viewer);
  const canStart = options.length > 0;
  const newButton = canStart && (
    <Button asChild className="min-h-11 md:min-h-9">
      <Link href={`${base}/new`}>
        <PenSquare className="size-4" aria-hidden />
        {t('new')}
      </Link>
    </Button>
  );
  return (
    <div className={cn('mx-auto grid w-full grid-cols-1 gap-6', widthOf(viewer))}>
      <PageHeader title={t('title')} description={t(`description.${viewer.role}`)} actions={newButton} testId="messages-title" />
      {viewer.role === 'parent' && !canStart && <Notice data-testid="view-only-notice">{t('viewOnlyNotice')}</Notice>}
      {total === 0 ? (
        <EmptyState icon={<MessagesSquare aria-hidden />} title={t('emptyTitle')} body={t(`emptyBody.${viewer.role}`)} action={newButton || undefined} />
      ) : (
        <>
          <ThreadList rows={rows} base={base} timeZone={viewer.timeZone} roomy={viewer.role === 'parent'} />
          {total > pageSize && <Pagination page={page} pageSize={pageSize} total={total} params={{}} shown={rows.length} />}
        </>
      )}
    </div>
  );
}

/** One thread: its messages, then the answer box (or why there is none). */
export async function ThreadScreen({ viewer, id }: { viewer: Viewer; id: string }) {
  const thread = await getThread(viewer, id);
  if (!thread) notFound();
  const t = await getTranslations('messaging');
  const base = baseOf(viewer);
  const latest = thread.messages.at(-1)?.createdAt.toISOString() ?? '';
  return (
    <div className={cn('mx-auto grid w-full grid-cols-1 gap-5', widthOf(viewer))}>
      <BackLink href={base} label={t('back')} />
      <PageHeader
        title={<span className="wrap-anywhere">{thread.subject}</span>}
        description={t('threadMeta', { student: thread.studentName, with: thread.tutorName ?? t('office'), audience: t(`audience.${thread.audience}`) })}
        testId="thread-title"
      />
      <Card>
        <CardContent className="grid grid-cols-1 gap-6">
          <MessageList messages={thread.messages} timeZone={viewer.timeZone} />
          {thread.canWrite ? <ReplyForm threadId={thread.id} /> : <Notice data-testid="view-only-notice">{t('viewOnlyThread')}</Notice>}
        </CardContent>
      </Card>
      <MarkRead threadId={thread.id} latest={latest} />
    </div>
  );
}

/** A new thread; a parent with only `view` access is told why they cannot start one. */
export async function NewThreadScreen({ viewer, search }: { viewer: Viewer; search: Search }) {
  const [t, students] = await Promise.all([getTranslations('messaging'), composeOptions(viewer)]);
  const base = baseOf(viewer);
  const staff = viewer.role === 'admin' || viewer.role === 'tutor';
  const initial = typeof search.student === 'string' ? search.student : undefined;
  return (
    <div className={cn('mx-auto grid w-full grid-cols-1 gap-5', widthOf(viewer))}>
      <BackLink href={base} label={t('back')} />
      <PageHeader title={t('new')} description={t(`newDescription.${viewer.role}`)} testId="new-thread-title" />
      {students.length === 0 ? (
        <Notice data-testid="view-only-notice">{viewer.role === 'parent' ? t('viewOnlyNotice') : t('nobodyToWrite')}</Notice>
      ) : (
        <Card>
          <CardHeader className="sr-only">
            <CardTitle>{t('new')}</CardTitle>
          </CardHeader>
          <CardContent>
            <NewThreadForm students={students} staff={staff} base={base} initialStudentId={initial} />
          </CardContent>
        </Card>
      )}
    </div>
  );
}

/** "← All messages", above a thread or the new-message form. */
function BackLink({ href, label }: { href: string; label: string }) {
  return (
    <Link href={href} className="inline-flex min-h-10 items-center gap-1 justify-self-start text-sm font-medium text-muted-foreground hover:text-foreground">
      <ArrowLeft className="size-4" aria-hidden />
      {label}
    </Link>
  );
}
