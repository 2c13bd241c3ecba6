import { rmSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { networkDeviceDetail } from '@steward/shared';
import { fixture, probeCommunity } from '../collector/network/support/fixtures.js';
import { startNetworkSim, type NetworkSim } from '../collector/network/support/network-sim.js';
import { toolAvailable } from '../collector/snmp/support/required-tool.js';
import { chromiumMissing, launchChromium } from './support/browser.js';
import { saveScreenshot, signIn } from './support/browser-session.js';
import { buildDashboard } from './support/built-dashboard.js';
import { ADMIN_PASSWORD, startDashboardCollector, type DashboardCollector } from './support/dashboard-collector.js';

/**
 * Network gear in Debian's chromium: two switches of the simulator are probed and handed to a real
 * collector, and the Network screen opens one to show its interfaces and the neighbour it sees.
 */
describe.skipIf(chromiumMissing() || !toolAvailable('snmpsimd', 'snmpsim'))('network gear in a browser', () => {
  let distDir: string;
  let collector: DashboardCollector;
  let sim: NetworkSim;
  let browser: Browser;
  let token: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    sim = await startNetworkSim({ access: fixture('access-switch'), core: fixture('core-switch') });
    distDir = await buildDashboard();
    collector = await startDashboardCollector(distDir);
    token = await collector.login();
    for (const community of ['access', 'core']) {
      const response = await fetch(`${collector.url}/api/v1/network/discoveries`, {
        method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ result: await probeCommunity(sim.port, community) }),
      });
      expect(response.status).toBe(201);
      ids[community] = (await response.json() as { deviceId: string }).deviceId;
    }
    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await collector?.stop();
    await sim?.stop();
    if (distDir) rmSync(distDir, { recursive: true, force: true });
  });

  it("opens a switch to show its interfaces and its LLDP neighbour, linked when Steward knows it", async () => {
    const detail = networkDeviceDetail.parse(await (await fetch(`${collector.url}/api/v1/network/devices/${ids.access}`, { headers: { authorization: `Bearer ${token}` } })).json());
    expect(detail.neighbours.length).toBeGreaterThan(0);
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, collector.url, 'admin', ADMIN_PASSWORD);
    await page.goto(`${collector.url}/network`);
    const row = page.locator(`tr[data-network-device="${ids.access}"]`);
    await row.getByRole('button', { name: 'Interfaces and neighbours' }).click();
    const panel = page.getByTestId('network-detail');
    await panel.getByTestId('network-interfaces').waitFor();
    expect(await panel.getByTestId('network-interfaces').locator('tbody tr').count()).toBe(detail.interfaces.length);
    const neighbours = await panel.getByTestId('neighbours-table').locator('tbody tr').allTextContents();
    expect(neighbours).toHaveLength(detail.neighbours.length);
    for (const neighbour of detail.neighbours) {
      expect(neighbours.some((text) => text.includes(neighbour.remoteSysName ?? neighbour.remoteChassisId ?? '?'))).toBe(true);
      if (neighbour.remoteDeviceId) expect(await panel.locator(`a[href="/devices/${neighbour.remoteDeviceId}"]`).count()).toBeGreaterThan(0);
    }
    expect(await row.getByRole('button', { name: 'Hide details' }).getAttribute('aria-expanded')).toBe('true');
    await saveScreenshot(page, 'network-detail', true);
    await page.close();
  });
});
