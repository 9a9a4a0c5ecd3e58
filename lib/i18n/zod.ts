import { z } from 'zod';
import type { Locale } from './config';

/** Zod's built-in messages in the person's language; pass as `safeParse(data, { error })`. */
export function zodErrorMap(locale: Locale | string) {
  return locale === 'en' ? z.locales.en().localeError : z.locales.pl().localeError;
}
