import { cookies, headers } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { defaultLocale, isLocale, LOCALE_COOKIE, localeFromAcceptLanguage } from '@/lib/i18n/config';

// No locale in the URL: the language comes from the person's choice (a cookie, set by the
// language switcher or from their profile at sign-in), else the browser, else Polish.
export default getRequestConfig(async () => {
  const cookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(cookie) ? cookie : (localeFromAcceptLanguage((await headers()).get('accept-language')) ?? defaultLocale);
  return {
    locale,
    messages: (await import(`../messages/${locale}.json`)).default,
    timeZone: 'Europe/Warsaw',
    now: new Date(),
  };
});
