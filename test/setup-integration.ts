import { vi } from 'vitest';

// Integration tests run lib/ code outside a Next.js request: the session comes from
// test/mocks/viewer.ts, translations are their keys, and cache revalidation is a no-op.
vi.mock('@/lib/auth/viewer', () => import('./mocks/viewer'));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
vi.mock('next-intl/server', () => ({
  getLocale: async () => 'en',
  getTranslations: async (namespace?: string) => (key: string) => (namespace ? `${namespace}.${key}` : key),
}));
