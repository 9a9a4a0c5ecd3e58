'use server';

import { redirect } from 'next/navigation';
import { currentRequestMeta } from '@/lib/auth/viewer';
import { getDb } from '@/lib/db';
import { allowUnsubscribeRequest, readUnsubscribeLink, setReminderSubscription } from './unsubscribe-requests';

/**
 * The two buttons of the public unsubscribe page, as plain form POSTs (they work without
 * JavaScript; opening the link itself changes nothing, because mail scanners fetch links).
 * Nobody is signed in: the link's signature is the authorization, so a person can change the
 * choice only for the address and school their link names. Each answer goes back to the page,
 * which shows the address's state as the database has it, with `r` saying what just happened
 * (`out`, `in`, or `limited` when the attempts ran over the limit).
 */
export async function unsubscribeAction(formData: FormData): Promise<void> {
  await change(formData, false);
}

/** "Subscribe me again": undoes the unsubscribe for the same link. */
export async function resubscribeAction(formData: FormData): Promise<void> {
  await change(formData, true);
}

async function change(formData: FormData, subscribed: boolean): Promise<never> {
  const params = { s: formData.get('s'), e: formData.get('e'), t: formData.get('t') };
  const page = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (typeof value === 'string') page.set(key, value);
  const back = `/unsubscribe?${page.toString()}`;
  const db = getDb();
  const link = await readUnsubscribeLink(db, params);
  // A link that does not verify changes nothing; the page explains.
  if (!link) redirect(back);
  const meta = await currentRequestMeta();
  if ((await allowUnsubscribeRequest(link, meta)).limited) redirect(`${back}&r=limited`);
  await setReminderSubscription(db, link, subscribed, meta);
  redirect(`${back}&r=${subscribed ? 'in' : 'out'}`);
}
