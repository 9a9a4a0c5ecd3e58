import type { MetadataRoute } from 'next';
import pl from '@/messages/pl.json';

/**
 * The web app manifest (/manifest.webmanifest): "Dodaj do ekranu głównego" puts TutorHub on a
 * phone as an app of its own, opened full screen at `/`, which sends a signed-in person to their
 * home and anyone else to the login page. Colours are the light theme's background, as the
 * splash screen and title bar show before the page (and its own theme colour) has loaded. The
 * PNG icons come from app/icon.svg (scripts/app-icons.mjs). Fetched without a session: proxy.ts
 * leaves it alone.
 */
export default function manifest(): MetadataRoute.Manifest {
  return {
    id: '/',
    name: 'TutorHub',
    short_name: 'TutorHub',
    description: pl.common.tagline,
    lang: 'pl',
    dir: 'ltr',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    background_color: '#ffffff',
    theme_color: '#ffffff',
    categories: ['education', 'productivity'],
    icons: [
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  };
}
