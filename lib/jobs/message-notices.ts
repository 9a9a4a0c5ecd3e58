import 'server-only';
import { sendMessageNotices } from '@/lib/messaging/notices';
import type { JobDefinition } from './types';

/** Hourly: one email per person for the messages they have not read in the app (see `sendMessageNotices`). */
export const messageNotices: JobDefinition = {
  name: 'message-notices',
  isDue: () => true,
  async run(db, school, at) {
    const { people, threads, emailed, alreadySent, skipped } = await sendMessageNotices(db, school, at);
    return { people, threads, emailed, alreadySent, skipped };
  },
};
