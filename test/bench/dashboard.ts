// The dashboard's weight and speed: `node --conditions=steward-source --import tsx test/bench/dashboard.ts`.
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cpus, loadavg } from 'node:os';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { HAS_CHROMIUM, launchChromium } from '../dashboard/support/browser.js';
import { buildDashboard, initialScripts } from '../dashboard/support/built-dashboard.js';
import { startDashboardCollector } from '../dashboard/support/dashboard-collector.js';
import { fleetHostname } from '../dashboard/support/fleet.js';
import { seedFleet } from '../dashboard/support/seed-fleet.js';
import { deviceStatistics } from '../../collector/src/store/devices.js';

export interface DashboardFigures {
  initialJsBytes: number;
  initialJsGzipBytes: number;
  cssGzipBytes: number;
  /** Medians over cold page loads, in milliseconds; absent without chromium. */
  timings?: {
    devices: number;
    seedSeconds: number;
    overview: DrawTiming;
    filteredList: DrawTiming;
    deepPage: DrawTiming;
    /** The same lists asked of the API directly, to tell the collector's share from the browser's. */
    filteredListApiMs: number;
    deepPageApiMs: number;
  };
}

const RUNS = 5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

interface DrawTiming {
  /** Milliseconds from asking the browser to navigate until the frame that shows the screen. */
  drawnMs: number;
  /**
   * Wall-clock milliseconds until the test driver saw it: later, as the driver's own script must
   * run in the page, which a loaded machine delays by up to a second.
   */
  noticedMs: number;
  /** Milliseconds the page's main thread spent running script meanwhile (Chrome's ScriptDuration). */
  scriptMs: number;
  /** Where the time went, in the page's own clock (milliseconds since navigation started). */
  steps: PageSteps;
}

/** Milestones of one page load, each the moment it ended, from the page's performance entries. */
interface PageSteps {
  /** From asking the browser to navigate until the page's clock starts (a fresh renderer, mostly). */
  navigationStart: number;
  html: number;
  scripts: number;
  session: number;
  data: number;
  drawn: number;
}

const STEP_NAMES: Record<keyof PageSteps, string> = {
  navigationStart: 'browser began navigating after (before the page clock)',
  html: 'document received', scripts: 'initial scripts received', session: 'session (/api/v1/me) answered',
  data: "screen's data answered", drawn: 'drawn',
};

/**
 * Runs in the page before its own scripts: notes the moment `selector` first matches, and, when
 * asked, reads the milestones from the resource timings.
 */
function watchDraw(selector: string): void {
  const w = window as unknown as { drawnAt?: number; pageSteps?: () => PageSteps };
  new MutationObserver((_, observer) => {
    if (document.querySelector(selector)) {
      observer.disconnect();
      // The frame that paints it, not the moment it entered the document.
      requestAnimationFrame(() => { w.drawnAt = performance.now(); });
    }
  }).observe(document, { subtree: true, childList: true, characterData: true });
  w.pageSteps = () => {
    const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    const before = resources.filter((r) => r.responseEnd <= (w.drawnAt ?? Infinity));
    const last = (match: (r: PerformanceResourceTiming) => boolean) => Math.max(0, ...before.filter(match).map((r) => r.responseEnd));
    const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    return {
      navigationStart: performance.timeOrigin,
      html: navigation?.responseEnd ?? 0,
      scripts: last((r) => r.initiatorType === 'script' || /\.js$/.test(r.name)),
      session: last((r) => r.name.includes('/api/v1/me')),
      data: last((r) => r.name.includes('/api/v1/') && !r.name.includes('/api/v1/me')),
      drawn: w.drawnAt ?? 0,
    };
  };
}

/** How long a screen takes to draw in a fresh browser context, already signed in. */
async function timeToDraw(browser: Browser, url: string, token: string, expiresAt: string, selector: string): Promise<DrawTiming> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  // Signed in already: the figure is the screen's, not the typing of a password.
  await context.addInitScript(([t, e]) => sessionStorage.setItem('steward.session', JSON.stringify({ token: t, expiresAt: e })), [token, expiresAt]);
  // As source text: the bench's compiler names functions through a helper the page must also have.
  await context.addInitScript({ content: `var __name = (f) => f; (${watchDraw.toString()})(${JSON.stringify(selector)});` });
  const page = await context.newPage();
  const devtools = await context.newCDPSession(page);
  await devtools.send('Performance.enable');
  const started = performance.now();
  const startedEpoch = Date.now();
  // Drawn is what counts, not the load event, which may come later (it waits on every resource).
  await page.goto(url, { waitUntil: 'commit' });
  await page.locator(selector).first().waitFor({ timeout: 30_000 });
  const noticedMs = performance.now() - started;
  const { metrics } = await devtools.send('Performance.getMetrics');
  const scriptMs = (metrics.find((m) => m.name === 'ScriptDuration')?.value ?? 0) * 1000;
  await page.waitForFunction(() => (window as unknown as { drawnAt?: number }).drawnAt !== undefined);
  const inPage = await page.evaluate(() => (window as unknown as { pageSteps: () => PageSteps }).pageSteps());
  const steps = { ...inPage, navigationStart: inPage.navigationStart - startedEpoch };
  await context.close();
  return { drawnMs: steps.navigationStart + steps.drawn, noticedMs, scriptMs, steps };
}

/** Milliseconds for one answer of the devices API, body read. */
async function timeApi(url: string, token: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  await response.arrayBuffer();
  return performance.now() - started;
}

async function repeat(run: () => Promise<number>): Promise<number> {
  await run(); // warms the collector's caches and the database's pages
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) samples.push(await run());
  return median(samples);
}

async function repeatDraw(run: () => Promise<DrawTiming>): Promise<DrawTiming> {
  await run();
  const samples: DrawTiming[] = [];
  for (let i = 0; i < RUNS; i++) samples.push(await run());
  const steps = Object.fromEntries((Object.keys(STEP_NAMES) as (keyof PageSteps)[]).map((step) => [step, median(samples.map((t) => t.steps[step]))])) as unknown as PageSteps;
  return {
    drawnMs: median(samples.map((t) => t.drawnMs)), noticedMs: median(samples.map((t) => t.noticedMs)),
    scriptMs: median(samples.map((t) => t.scriptMs)), steps,
  };
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
  // A kept database (BENCH_DASHBOARD_DATA_DIR) is seeded once and measured again without seeding.
  const keptDataDir = process.env.BENCH_DASHBOARD_DATA_DIR;
  const collector = await startDashboardCollector(dist, keptDataDir);
  const browser = await launchChromium();
  try {
    const seedStarted = performance.now();
    const present = keptDataDir ? (await deviceStatistics(collector.running.ctx.db)).total : 0;
    if (present < devices) await seedFleet(collector.running, devices);
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    const response = await fetch(`${collector.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'dashboard-test-password' }),
    });
    const { token, expiresAt } = (await response.json()) as { token: string; expiresAt: string };
    const draw = (address: string, selector: string) => () => timeToDraw(browser, `${collector.url}${address}`, token, expiresAt, selector);
    const api = (query: string) => () => timeApi(`${collector.url}/api/v1/devices?${query}`, token);
    const deepPage = Math.max(1, Math.floor(devices / 100));
    // "ws-0004" matches the ten hosts ws-00040 to ws-00049, whatever the fleet's size.
    const search = fleetHostname(42).slice(0, -1);
    figures.timings = {
      devices,
      seedSeconds,
      overview: await repeatDraw(draw('/', '[data-testid=overview] .stat-value')),
      filteredList: await repeatDraw(draw(`/devices?search=${search}&kind=agent&sort=lastSeen&order=desc`, '[data-testid=devices-table] tbody tr')),
      deepPage: await repeatDraw(draw(`/devices?sort=softwareCount&order=desc&page=${deepPage}`, '[data-testid=devices-table] tbody tr')),
      filteredListApiMs: await repeat(api(`search=${search}&kind=agent&sort=lastSeen&order=desc&limit=50&offset=0`)),
      deepPageApiMs: await repeat(api(`sort=softwareCount&order=desc&limit=50&offset=${(deepPage - 1) * 50}`)),
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
  const drawn = (d: DrawTiming) => `${d.drawnMs.toFixed(0)} ms`;
  const script = (d: DrawTiming) => `${d.scriptMs.toFixed(0)} ms`;
  const breakdown = (d: DrawTiming) => {
    line('    the test driver noticed it at (wall clock)', `${d.noticedMs.toFixed(0)} ms`);
    for (const [step, name] of Object.entries(STEP_NAMES)) {
      line(step === 'navigationStart' ? `    ${name}` : `    in the page, ${name} at`, `${d.steps[step as keyof PageSteps].toFixed(0)} ms`);
    }
  };
  line('navigation → overview drawn, median', drawn(t.overview), '≤ 1000 ms');
  line('  of which script on the main thread', script(t.overview));
  breakdown(t.overview);
  line('navigation → filtered devices list drawn, median', drawn(t.filteredList), '≤ 1000 ms');
  line('  of which script on the main thread', script(t.filteredList));
  breakdown(t.filteredList);
  line(`navigation → devices page ${Math.max(1, Math.floor(t.devices / 100))} sorted by software, median`, drawn(t.deepPage));
  line('  of which script on the main thread', script(t.deepPage));
  line('  of which the API answer for the filtered list, median', `${t.filteredListApiMs.toFixed(0)} ms`);
  line('  of which the API answer for that page, median', `${t.deepPageApiMs.toFixed(0)} ms`);
  console.log(`(machine load average while measuring: ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores)`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  printDashboardFigures(await benchDashboard());
}
