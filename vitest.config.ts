import path from 'node:path';
import { defineConfig } from 'vitest/config';

const root = import.meta.dirname;
const shared = {
  resolve: {
    alias: {
      '@': root,
      // `import 'server-only'` guards lib/ against client bundles; in tests it is a no-op.
      'server-only': path.join(root, 'test/server-only-stub.ts'),
    },
  },
};

export default defineConfig({
  test: {
    // Vitest's default leaves a core idle on a two-core machine; integration tests mostly wait on the database.
    maxWorkers: Number(process.env.VITEST_MAX_WORKERS) || 2,
    projects: [
      {
        ...shared,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['**/*.test.{ts,tsx}'],
          exclude: ['**/*.int.test.{ts,tsx}', 'node_modules/**', 'e2e/**', '.next/**'],
        },
      },
      {
        ...shared,
        test: {
          name: 'integration',
          environment: 'node',
          setupFiles: ['test/setup-integration.ts'],
          globalSetup: ['test/global-setup.ts'],
          include: ['**/*.int.test.{ts,tsx}'],
          exclude: ['node_modules/**', '.next/**'],
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
