import { cookies, headers } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { defaultLocale, isLocale, LOCALE_COOKIE, localeFromAcceptLanguage, type Locale } from '@/lib/i18n/config';
import { DEFAULT_TIME_ZONE } from '@/lib/time';

/**
 * Catalogs: `messages/<locale>.json` holds the shared strings; each feature area keeps its
 * own `messages/<locale>.<namespace>.json`, merged under that namespace. The list is
 * explicit so the bundler can see every file.
 */
export const featureNamespaces = ['accounts', 'outbox', 'records', 'students', 'parents', 'tutors', 'catalog', 'lessons', 'availability', 'attendance', 'calendar', 'cancellations', 'series', 'settings', 'invoices', 'billing', 'jobs', 'messaging', 'palette', 'portal', 'reports', 'gdpr', 'audit'] as const;

async function mergeMessages(locale: Locale) {
  const base = (await import(`../messages/${locale}.json`)).default;
  const features = await Promise.all(
    featureNamespaces.map(async (ns) => [ns, (await import(`../messages/${locale}.${ns}.json`)).default] as const),
  );
  return { ...base, ...Object.fromEntries(features) };
}

const merged = new Map<Locale, ReturnType<typeof mergeMessages>>();

/**
 * A language's whole catalog, merged once per process: the files are part of the build, so
 * every request would merge the same two dozen of them again.
 */
export function loadMessages(locale: Locale): ReturnType<typeof mergeMessages> {
  let messages = merged.get(locale);
  if (!messages) {
    messages = mergeMessages(locale);
    merged.set(locale, messages);
    messages.catch(() => merged.delete(locale));
  }
  return messages;
}

// No locale in the URL: the language comes from the person's choice (a cookie, set by the
// language switcher or from their profile at sign-in), else the browser, else Polish.
export default getRequestConfig(async () => {
  const cookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(cookie) ? cookie : (localeFromAcceptLanguage((await headers()).get('accept-language')) ?? defaultLocale);
  return {
    locale,
    messages: await loadMessages(locale),
    // Nothing formats dates through next-intl (lib/time does, in viewer.timeZone); this only
    // keeps next-intl from guessing the server's zone if something ever does.
    timeZone: DEFAULT_TIME_ZONE,
    now: new Date(),
  };
});
