import 'server-only';
import type { JobDefinition } from './types';

/** Daily at the school's overdue-check hour (default 08:00). Built in this next slice. */
export const overdueCheck: JobDefinition = {
  name: 'overdue-check',
  isDue: (school, local) => local.hour === school.overdueCheckHour,
  async run() {
    throw new Error('overdue-check is not built yet');
  },
};
