import { Inngest } from 'inngest';

/**
 * The app's Inngest client. The SDK reads its own settings from the environment:
 * INNGEST_EVENT_KEY and INNGEST_SIGNING_KEY for Inngest Cloud, or INNGEST_DEV=1 (and
 * INNGEST_BASE_URL) for a dev server; see `.env.example`.
 */
export const inngest = new Inngest({ id: 'tutorhub' });

/** Something people must be told about was written to `notification_events`. */
export const NOTIFICATION_CREATED = 'tutorhub/notification.created';

/** A scheduled job is due for one school at one moment: `{ job, schoolId, at }`. */
export const JOB_DUE = 'tutorhub/job.due';
