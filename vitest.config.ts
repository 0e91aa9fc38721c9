import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const shared = {
  testTimeout: 30_000,
  hookTimeout: 30_000,
};

/**
 * Two projects: the Node suites keep the plain Node environment, and only the renderer's tests pay for jsdom
 * (a DOM per test file costs a few hundred milliseconds, which the main-process suites have no use for).
 */
export default defineConfig({
  test: {
    pool: 'forks',
    projects: [
      {
        test: {
          ...shared,
          name: 'node',
          include: ['test/**/*.test.ts'],
          exclude: ['node_modules/**', 'test/renderer/**'],
          environment: 'node',
        },
      },
      {
        plugins: [react()],
        test: {
          ...shared,
          name: 'renderer',
          include: ['test/renderer/**/*.test.ts', 'test/renderer/**/*.test.tsx'],
          environment: 'jsdom',
          setupFiles: ['test/renderer/support/setup.ts'],
        },
      },
    ],
  },
});
