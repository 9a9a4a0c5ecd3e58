import 'server-only';
import { purgeExpiredData } from '@/lib/gdpr/purge';
import type { JobDefinition } from './types';

/** Local hour of the daily retention run: at night, when nobody is reading the audit trail. */
export const DATA_RETENTION_HOUR = 3;

/** Daily: clears what the school's retention settings and the tax law no longer let it keep (see `purgeExpiredData`). */
export const dataRetention: JobDefinition = {
  name: 'data-retention',
  isDue: (_school, local) => local.hour === DATA_RETENTION_HOUR,
  async run(db, school, at) {
    return purgeExpiredData(db, school, at);
  },
};
