import type { Metadata, Viewport } from 'next';
import { GeistSans } from 'geist/font/sans';
import { GeistMono } from 'geist/font/mono';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getMessages, getTranslations } from 'next-intl/server';
import { headers } from 'next/headers';
import { ThemeProvider } from '@/components/theme/theme-provider';
import { Toaster } from '@/components/ui/sonner';
import { getViewer } from '@/lib/auth/viewer';
import { clientMessages } from '@/lib/i18n/client-messages';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('common');
  return {
    title: { default: t('appName'), template: `%s · ${t('appName')}` },
    description: t('tagline'),
    applicationName: t('appName'),
    // Added to an iPhone's home screen, it opens full screen under its own name; the icon is
    // app/apple-icon.png, the manifest (app/manifest.ts) does the same for Android.
    appleWebApp: { capable: true, title: t('appName'), statusBarStyle: 'default' },
  };
}

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  // The browser's (and the installed app's) bar takes the page's background: light or dark as the system is.
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#ffffff' },
    { media: '(prefers-color-scheme: dark)', color: '#09090b' },
  ],
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const [locale, messages, viewer] = await Promise.all([getLocale(), getMessages(), getViewer()]);
  // The theme script runs before hydration (no flash of the wrong theme); the page's
  // Content-Security-Policy lets it run only with this request's nonce (set in proxy.ts).
  const nonce = (await headers()).get('x-nonce') ?? undefined;
  return (
    <html lang={locale} suppressHydrationWarning className={`${GeistSans.variable} ${GeistMono.variable}`}>
      <body className="min-h-dvh font-sans antialiased">
        {/* Only the catalog parts this person's pages translate in the browser, not all 130 kB of it. */}
        <NextIntlClientProvider messages={clientMessages(messages, viewer ? [viewer.role, 'public'] : ['public'])}>
          <ThemeProvider nonce={nonce}>
            {children}
            <Toaster richColors closeButton />
          </ThemeProvider>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
