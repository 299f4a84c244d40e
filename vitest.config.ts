import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  test: {
    projects: [
      {
        plugins: [WxtVitest()],
        test: {
          name: 'unit',
          include: ['tests/lib/**/*.test.{ts,tsx}', 'tests/data/**/*.test.ts'],
          setupFiles: ['fake-indexeddb/auto', 'tests/setup-unit.ts'],
          environment: 'node',
          // Tests over fake-indexeddb with hundreds of chunks take 1–2 s alone and several times that
          // on a loaded 2-core machine: a hang still fails, a busy machine does not.
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          // One browser at a time on a 2-core machine; each file launches its own.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
          globalSetup: ['tests/e2e/global-setup.ts'],
        },
      },
      {
        test: {
          // The built packages: web-ext lint, manifests, icons, sizes, and the source-safety scan.
          name: 'package',
          include: ['tests/package/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'hub',
          include: ['tests/server/**/*.test.ts'],
          environment: 'node',
          // Child-process hubs, PostgreSQL and a browser share 2 cores: one file at a time.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
          globalSetup: ['tests/server/global-setup.ts'],
        },
      },
    ],
  },
});
