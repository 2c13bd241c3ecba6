// The dashboard's weight and speed: `node --conditions=steward-source --import tsx test/bench/dashboard.ts`.
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { HAS_CHROMIUM, launchChromium } from '../dashboard/support/browser.js';
import { buildDashboard, initialScripts } from '../dashboard/support/built-dashboard.js';
import { startDashboardCollector } from '../dashboard/support/dashboard-collector.js';
import { seedFleet } from '../dashboard/support/seed-fleet.js';

export interface DashboardFigures {
  initialJsBytes: number;
  initialJsGzipBytes: number;
  cssGzipBytes: number;
  /** Medians over cold page loads, in milliseconds; absent without chromium. */
  timings?: {
    devices: number;
    seedSeconds: number;
    overviewMs: number;
    filteredListMs: number;
    deepPageMs: number;
  };
}

const RUNS = 5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Milliseconds from starting navigation until `selector` is drawn, in a fresh browser context. */
async function timeToDraw(browser: Browser, url: string, token: string, expiresAt: string, selector: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  // Signed in already: the figure is the screen's, not the typing of a password.
  await context.addInitScript(([t, e]) => sessionStorage.setItem('steward.session', JSON.stringify({ token: t, expiresAt: e })), [token, expiresAt]);
  const page = await context.newPage();
  const started = performance.now();
  await page.goto(url);
  await page.locator(selector).first().waitFor({ timeout: 30_000 });
  const elapsed = performance.now() - started;
  await context.close();
  return elapsed;
}

async function repeat(run: () => Promise<number>): Promise<number> {
  await run(); // warms the collector's caches and the database's pages
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) samples.push(await run());
  return median(samples);
}

export async function benchDashboard(devices = Number(process.env.BENCH_DEVICES ?? 10_000)): Promise<DashboardFigures> {
  const dist = await buildDashboard();
  const scripts = initialScripts(dist);
  const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
  const css = [...html.matchAll(/href="([^"]+\.css)"/g)].map((m) => readFileSync(path.join(dist, m[1]!.replace(/^\//, ''))));
  const figures: DashboardFigures = {
    initialJsBytes: scripts.reduce((sum, s) => sum + s.bytes, 0),
    initialJsGzipBytes: scripts.reduce((sum, s) => sum + s.gzipBytes, 0),
    cssGzipBytes: css.reduce((sum, c) => sum + gzipSync(c, { level: 9 }).length, 0),
  };
  if (!HAS_CHROMIUM) {
    rmSync(dist, { recursive: true, force: true });
    return figures;
  }
  const collector = await startDashboardCollector(dist);
  const browser = await launchChromium();
  try {
    const seedStarted = performance.now();
    await seedFleet(collector.running, devices);
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    const response = await fetch(`${collector.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'dashboard-test-password' }),
    });
    const { token, expiresAt } = (await response.json()) as { token: string; expiresAt: string };
    const draw = (address: string, selector: string) => () => timeToDraw(browser, `${collector.url}${address}`, token, expiresAt, selector);
    figures.timings = {
      devices,
      seedSeconds,
      overviewMs: await repeat(draw('/', '[data-testid=overview] .stat-value')),
      filteredListMs: await repeat(draw('/devices?search=ws-0042&kind=agent&sort=lastSeen&order=desc', '[data-testid=devices-table] tbody tr')),
      deepPageMs: await repeat(draw(`/devices?sort=softwareCount&order=desc&page=${Math.max(1, Math.floor(devices / 100))}`, '[data-testid=devices-table] tbody tr')),
    };
  } finally {
    await browser.close();
    await collector.stop();
    rmSync(dist, { recursive: true, force: true });
  }
  return figures;
}

function line(name: string, value: string, target?: string) {
  console.log(`${name.padEnd(58)} ${value.padStart(14)}${target ? `   (target ${target})` : ''}`);
}

export function printDashboardFigures(f: DashboardFigures): void {
  console.log('\n== Dashboard');
  line('initial JavaScript, gzip', `${(f.initialJsGzipBytes / 1024).toFixed(1)} KB`, '≤ 250 KB');
  line('initial JavaScript, uncompressed', `${(f.initialJsBytes / 1024).toFixed(1)} KB`);
  line('stylesheet, gzip', `${(f.cssGzipBytes / 1024).toFixed(1)} KB`);
  if (!f.timings) {
    console.log('(chromium not found at /usr/bin/chromium: page timings skipped)');
    return;
  }
  const t = f.timings;
  line(`devices in the database (seeded in ${t.seedSeconds.toFixed(0)} s)`, t.devices.toLocaleString('en'));
  line('navigation → overview drawn, median', `${t.overviewMs.toFixed(0)} ms`);
  line('navigation → filtered devices list drawn, median', `${t.filteredListMs.toFixed(0)} ms`);
  line('navigation → devices page 100 sorted by software, median', `${t.deepPageMs.toFixed(0)} ms`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  printDashboardFigures(await benchDashboard());
}
