import { ListSkeleton } from '@/components/list/list-skeleton';

// In the (list) route group so this boundary wraps the list only: above the detail page it
// would start streaming a 200 before the page can answer 404.
export default function Loading() {
  return <ListSkeleton filters={2} />;
}
