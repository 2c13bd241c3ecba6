import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // Workspace packages resolve to their TypeScript sources, so tests never run a stale build.
    conditions: ['steward-source'],
  },
  ssr: { resolve: { conditions: ['steward-source'] } },
  test: {
    include: ['test/**/*.test.ts'],
    // Generous: tests start real collectors and databases, and a loaded machine slows them a lot.
    testTimeout: 180_000,
    hookTimeout: 240_000,
    pool: 'forks',
    reporters: ['default'],
  },
});
