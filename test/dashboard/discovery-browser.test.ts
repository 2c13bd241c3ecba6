import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestCertificates } from '../collector/discovery/support/test-certificates.js';
import { startListeners, type Listeners } from '../collector/discovery/support/tls-servers.js';
import { makeReport } from '../support/reports.js';
import { saveScreenshot, signIn } from './support/browser-session.js';
import { chromiumMissing } from './support/browser.js';
import { useBrowserWorld } from './support/browser-world.js';
import { ADMIN_PASSWORD } from './support/dashboard-collector.js';
import { enrolAgent, sendReport } from './support/simulated-agent.js';

/*
 * The Network screen's certificates, domains and address space in Debian's chromium, used by what
 * the screen says: a certificate scan started from the form, an expired certificate kept in the
 * register, a domain watched, and a subnet opened to show a conflict.
 */

/** Every control the user can reach has a name a screen reader reads out. */
async function unnamedControls(page: Page): Promise<string[]> {
  return page.evaluate(() => [...document.querySelectorAll('main input, main select, main textarea, main button')]
    .filter((el) => {
      const e = el as HTMLInputElement;
      const labelled = (e.labels && e.labels.length > 0) || e.getAttribute('aria-label') || e.getAttribute('aria-labelledby');
      return !labelled && !(el.textContent ?? '').trim();
    })
    .map((el) => el.outerHTML.slice(0, 120)));
}

describe.skipIf(chromiumMissing())('network discovery screens in a browser', () => {
  let listeners: Listeners;
  let registry: http.Server;
  const certs = makeTestCertificates();
  const world = useBrowserWorld();

  beforeAll(async () => {
    listeners = await startListeners({ expired: certs.expired }, certs.valid);
    registry = http.createServer((request, response) => {
      const expires = new Date(Date.now() + 12 * 86_400_000).toISOString();
      response.writeHead(200, { 'content-type': 'application/rdap+json' }).end(JSON.stringify({
        objectClassName: 'domain', events: [{ eventAction: 'expiration', eventDate: expires }], nameservers: [{ ldhName: 'ns1.example.net' }],
        entities: [{ roles: ['registrar'], vcardArray: ['vcard', [['fn', {}, 'text', 'Example Registrar']]] }], status: ['active'],
        ldhName: request.url!.split('/').pop(),
      }));
    });
    await new Promise<void>((resolve) => registry.listen(0, '127.0.0.1', resolve));
    expect((await world.api('/api/v1/domains/rdap-servers', { method: 'PUT', body: JSON.stringify({ servers: { test: `http://127.0.0.1:${(registry.address() as AddressInfo).port}/` } }) })).status).toBe(200);
    for (const [i, mac] of ['02:00:00:00:00:01', '02:00:00:00:00:02'].entries()) {
      const agent = await enrolAgent(world.collector.url, `lab-${i}`);
      const base = makeReport(agent.agentId);
      await sendReport(world.collector.url, agent, makeReport(agent.agentId, {
        identity: { hostname: `lab-${i}`, hardwareUuid: `22222222-0000-4000-8000-00000000000${i}`, serialNumber: `LAB-${i}-SER`, macAddresses: [mac] },
        hardware: { ...base.hardware, system: { manufacturer: 'Dell Inc.', model: 'OptiPlex', serial: `LAB-${i}-SER`, uuid: `22222222-0000-4000-8000-00000000000${i}` },
          networkInterfaces: [{ name: 'eth0', mac, ipv4: ['10.40.0.5'], ipv6: [], subnets: ['10.40.0.0/24'] }] },
      }));
    }
    expect((await world.api('/api/v1/address-space/refresh', { method: 'POST', body: '{}' })).status).toBe(200);
  }, 240_000);
  afterAll(async () => {
    await listeners?.close();
    registry?.closeAllConnections();
    await new Promise((resolve) => registry?.close(resolve));
  });

  it('scans for certificates, shows what is wrong, and keeps one in the register', async () => {
    const page = await world.browser.newPage({ viewport: { width: 1440, height: 900 } });
    await signIn(page, world.collector.url, 'admin', ADMIN_PASSWORD);
    await page.goto(`${world.collector.url}/network`);
    await page.getByRole('tab', { name: 'Certificates' }).click();
    await page.getByText('No certificates found yet').waitFor();
    await page.getByRole('button', { name: 'Scan for certificates' }).click();
    await page.getByLabel('Hosts to scan').fill('127.0.0.1');
    await page.getByLabel(/^Ports/).fill(`${listeners.ports.expired}, ${listeners.ports.smtp}/smtp`);
    await page.getByRole('button', { name: 'Scan', exact: true }).click();
    await page.getByText(/Scan finished: 2 of 2 ports, 2 certificates presented/).waitFor({ timeout: 30_000 });
    const expired = page.locator('tr', { hasText: 'old.localhost' });
    await expired.getByText('Expired').waitFor();
    // The SMTP server's certificate is issued under the tests' own root, which this collector was not told to trust.
    expect(await page.locator('tr', { hasText: `127.0.0.1:${listeners.ports.smtp}` }).getByText('Untrusted chain').count()).toBe(1);
    expect(await unnamedControls(page)).toEqual([]);
    await expired.getByRole('button', { name: 'Keep in register' }).click();
    await expired.getByRole('link').waitFor();
    expect(await expired.getByRole('link').textContent()).toMatch(/\S+/);
    await saveScreenshot(page, 'network-certificates', true);
    await page.close();
  });

  it('watches a domain and shows when it lapses', async () => {
    const page = await world.browser.newPage({ viewport: { width: 390, height: 844 } });
    await signIn(page, world.collector.url, 'admin', ADMIN_PASSWORD);
    await page.goto(`${world.collector.url}/network`);
    await page.getByRole('tab', { name: 'Domains' }).click();
    await page.getByLabel('Domain to watch').fill('example.test');
    await page.getByRole('button', { name: 'Watch' }).click();
    const row = page.locator('tr[data-domain="example.test"]');
    await row.getByText('in 11 days').or(row.getByText('in 12 days')).waitFor();
    expect(await row.textContent()).toContain('Example Registrar');
    expect(await unnamedControls(page)).toEqual([]);
    await saveScreenshot(page, 'network-domains-phone', true);
    await page.close();
  });

  it('opens a subnet to show who holds each address and the conflict', async () => {
    const page = await world.browser.newPage({ viewport: { width: 1440, height: 900 } });
    await signIn(page, world.collector.url, 'admin', ADMIN_PASSWORD);
    await page.goto(`${world.collector.url}/network`);
    await page.getByRole('tab', { name: 'Address space' }).click();
    const subnet = page.locator('tr[data-subnet="10.40.0.0/24"]');
    expect(await subnet.textContent()).toContain('1 conflict');
    await subnet.getByRole('button', { name: '10.40.0.0/24' }).click();
    const address = page.getByTestId('subnet-detail').locator('tr[data-address="10.40.0.5"]');
    await address.getByText('Conflict').waitFor();
    expect(await address.textContent()).toContain('lab-0');
    expect(await address.textContent()).toContain('lab-1');
    await saveScreenshot(page, 'network-address-space', true);
    await page.close();
  });
});
