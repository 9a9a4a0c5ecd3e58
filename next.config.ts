import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./i18n/request.ts');

const nextConfig: NextConfig = {
  output: 'standalone',
  // PGlite ships its WASM and extension bundles as files next to its code: bundling it
  // hands server code a browser URL for btree_gist ("Extension bundle not found").
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2'],
  poweredByHeader: false,
  // Local data (embedded database, the dev-only auth secret) must never ship in the build output.
  outputFileTracingExcludes: { '*': ['.data/**', 'e2e/**', 'test-results/**'] },
  // The invoice PDF embeds these font files, read from disk at run time (lib/invoices/pdf.tsx).
  outputFileTracingIncludes: { '/api/invoices/[id]/pdf': ['./node_modules/geist/dist/fonts/geist-sans/Geist-{Regular,SemiBold}.ttf'] },
  // Invoices and uploads are never served through the image optimizer.
  images: { unoptimized: true },
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
        ],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
