import 'server-only';
import { expireMakeupCredits } from '@/lib/cancellations/credits';
import type { JobDefinition } from './types';

/** Local hour of the daily makeup-credit run. */
export const MAKEUP_EXPIRY_HOUR = 7;

/** Daily: expires the makeup credits whose time ran out. */
export const makeupExpiry: JobDefinition = {
  name: 'makeup-expiry',
  isDue: (_school, local) => local.hour === MAKEUP_EXPIRY_HOUR,
  async run(db, school, at) {
    const { expired } = await expireMakeupCredits(db, at, { schoolId: school.id });
    return { expired };
  },
};
