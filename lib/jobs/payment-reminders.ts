import 'server-only';
import type { JobDefinition } from './types';

export const PAYMENT_REMINDER_HOUR = 9;

/** Daily at 09:00. Built in this next slice. */
export const paymentReminders: JobDefinition = {
  name: 'payment-reminders',
  isDue: (_school, local) => local.hour === PAYMENT_REMINDER_HOUR,
  async run() {
    throw new Error('payment-reminders is not built yet');
  },
};
