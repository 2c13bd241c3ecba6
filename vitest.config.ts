import { defineConfig } from 'vitest/config';

/**
 * Files whose assertions weigh time or memory (health under load, sweep and redraw delays): they run
 * by themselves after the rest, so another test's load cannot fail them.
 */
const ALONE = [
  'test/collector/security/agent-stall.test.ts',
  'test/collector/security/hardening.test.ts',
  'test/collector/security/large-report.test.ts',
  'test/e2e/shutdown-during-reconcile.test.ts',
  'test/collector/snmp/hostile-devices.test.ts',
  'test/collector/identity/revocation.test.ts',
  'test/dashboard/dashboard-browser.test.ts',
  'test/e2e/agent-delta.test.ts',
];

/**
 * Most tests wait on other processes (databases, SNMP agents, a browser, collectors), so more files
 * than cores run at once; STEWARD_TEST_WORKERS overrides it.
 */
const WORKERS = Number(process.env.STEWARD_TEST_WORKERS ?? 3);

export default defineConfig({
  resolve: {
    // Workspace packages resolve to their TypeScript sources, so tests never run a stale build.
    conditions: ['steward-source'],
  },
  ssr: { resolve: { conditions: ['steward-source'] } },
  test: {
    // Generous: tests start real collectors and databases, and a loaded machine slows them a lot.
    testTimeout: 180_000,
    hookTimeout: 240_000,
    // A screen redrawn after a request may take seconds on a loaded machine; a poll waits that long.
    expect: { poll: { timeout: 10_000 } },
    pool: 'forks',
    reporters: ['default'],
    projects: [
      { extends: true, test: { name: 'shared', include: ['test/**/*.test.ts'], exclude: ALONE, maxWorkers: WORKERS, sequence: { groupOrder: 0 } } },
      { extends: true, test: { name: 'alone', include: ALONE, maxWorkers: 1, sequence: { groupOrder: 1 } } },
    ],
  },
});
