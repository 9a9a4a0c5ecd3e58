import 'server-only';
import type { JobDefinition } from './types';

/** Every hour. Built in this next slice. */
export const lessonReminders: JobDefinition = {
  name: 'lesson-reminders',
  isDue: () => true,
  async run() {
    throw new Error('lesson-reminders is not built yet');
  },
};
