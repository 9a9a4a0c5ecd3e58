import { ListSkeleton } from '@/components/list/list-skeleton';

// In the (list) route group so this boundary wraps the list only. Above a detail page it would
// start streaming a 200 before the page can call notFound(), and a missing or someone else's
// record must answer 404.
export default function Loading() {
  return <ListSkeleton filters={1} />;
}
