import { rmSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './browser.js';
import { buildDashboard } from './built-dashboard.js';
import { startDashboardCollector, type DashboardCollector } from './dashboard-collector.js';

export interface BrowserWorld {
  readonly collector: DashboardCollector;
  readonly browser: Browser;
  /** The built dashboard the collector serves. */
  readonly distDir: string;
  /** Calls the collector's API as the administrator; the body is JSON when there is one. */
  api(path: string, init?: RequestInit): Promise<{ status: number; body: unknown }>;
}

/**
 * The dashboard built from its sources, served by a real collector on an embedded database, and
 * Debian's chromium, for the tests of one file; `settings` is read when the world starts, so it
 * may name servers an earlier hook started.
 */
export function useBrowserWorld(settings: () => Record<string, unknown> = () => ({})): BrowserWorld {
  let distDir: string | undefined;
  let collector: DashboardCollector | undefined;
  let browser: Browser | undefined;
  let adminToken = '';

  beforeAll(async () => {
    distDir = await buildDashboard();
    collector = await startDashboardCollector(distDir, undefined, settings());
    adminToken = await collector.login();
    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await collector?.stop();
    if (distDir) rmSync(distDir, { recursive: true, force: true });
  });

  return {
    get collector() { return collector!; },
    get browser() { return browser!; },
    get distDir() { return distDir!; },
    async api(path, init = {}) {
      const response = await fetch(`${collector!.url}${path}`, {
        ...init, headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json', ...init.headers },
      });
      return { status: response.status, body: await response.json().catch(() => null) as unknown };
    },
  };
}
