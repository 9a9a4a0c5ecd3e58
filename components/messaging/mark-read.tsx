'use client';

import { useEffect } from 'react';
import { markThreadReadAction } from '@/lib/messaging/actions';

/**
 * Marks the open thread read once it has been shown (and again when a newer message arrives
 * while it is open). An effect, not the page render: a prefetch must not mark anything read.
 */
export function MarkRead({ threadId, latest }: { threadId: string; latest: string }) {
  useEffect(() => {
    void markThreadReadAction({ threadId });
  }, [threadId, latest]);
  return null;
}
