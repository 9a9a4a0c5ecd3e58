import { getTranslations } from 'next-intl/server';
import { EmptyState } from '@/components/list/empty-state';
import { loadListPage } from '@/components/list/list-page';
import type { Viewer } from '@/lib/auth/viewer';
import { listDecidedRequests, listOpenCredits, listPendingRequests } from '@/lib/cancellations/queries';
import { StaffCredits } from './staff-credits';
import { CREDITS_PAGE_SIZE, DECIDED_PAGE_SIZE, staffListParams } from './staff-list-params';
import { StaffDecidedRequests, StaffPendingRequests } from './staff-requests';

/**
 * The staff's cancellations page (admins the school's, tutors their own lessons'), in the order
 * of what needs doing: every request waiting for a decision, the decided ones a page at a time,
 * then the makeup lessons still to book. Pages and the outcome filter come from the URL.
 */
export async function StaffCancellations({ viewer, searchParams }: { viewer: Viewer; searchParams: Record<string, string | string[] | undefined> }) {
  const params = staffListParams.parse(searchParams);
  const [t, pending, decided, credits] = await Promise.all([
    getTranslations('cancellations'),
    listPendingRequests(viewer),
    loadListPage({ page: params.page }, (f) => listDecidedRequests(viewer, { status: params.status, page: f.page, pageSize: DECIDED_PAGE_SIZE })),
    loadListPage({ page: params.credits }, (f) => listOpenCredits(viewer, { page: f.page, pageSize: CREDITS_PAGE_SIZE })),
  ]);
  const nothingYet = pending.length === 0 && decided.list.total === 0 && !params.status;
  return (
    <>
      {nothingYet ? (
        <EmptyState title={t('title')} body={t('staffEmpty')} />
      ) : (
        <>
          <StaffPendingRequests rows={pending} viewer={viewer} />
          <StaffDecidedRequests list={decided.list} viewer={viewer} params={params} />
        </>
      )}
      <StaffCredits viewer={viewer} list={credits.list} params={params} />
    </>
  );
}
