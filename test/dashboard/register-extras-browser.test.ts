import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityProblems } from './support/accessibility.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH, chromiumMissing } from './support/browser.js';
import { saveScreenshot, signIn } from './support/browser-session.js';
import { useBrowserWorld } from './support/browser-world.js';
import { ADMIN_PASSWORD } from './support/dashboard-collector.js';

/**
 * A video file chromium's fake camera plays in a loop: a QR code of `text` on white, as raw
 * 4:2:0 frames (Y4M). The grey levels alone carry the picture; the colour planes stay neutral.
 */
function qrVideo(text: string, file: string): void {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const size = qr.modules.size;
  const scale = 6;
  const width = 320;
  const height = 320;
  const offset = Math.floor((width - size * scale) / 2);
  const luma = Buffer.alloc(width * height, 235);
  for (let y = 0; y < size * scale; y++) {
    for (let x = 0; x < size * scale; x++) {
      if (qr.modules.get(Math.floor(y / scale), Math.floor(x / scale))) luma[(y + offset) * width + x + offset] = 16;
    }
  }
  const chroma = Buffer.alloc((width / 2) * (height / 2), 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma, chroma]);
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`);
  writeFileSync(file, Buffer.concat([header, ...Array.from({ length: 10 }, () => frame)]));
}

/** Picks the option of a select whose text contains `text`, once the list has arrived. */
async function choose(select: Locator, text: string): Promise<void> {
  const options = () => select.locator('option').evaluateAll((els) => els.map((el) => ({ value: (el as HTMLOptionElement).value, label: el.textContent ?? '' })));
  await expect.poll(async () => (await options()).some((o) => o.label.includes(text)), { timeout: 15_000 }).toBe(true);
  await select.selectOption((await options()).find((o) => o.label.includes(text))!.value);
}

async function expectAccessible(page: Page): Promise<void> {
  expect(await accessibilityProblems(page)).toEqual([]);
}

const CAMERA_TAG = 'CAM-0042';
const HERE = { latitude: 52.520008, longitude: 13.404954, accuracy: 25 };

/**
 * The register's merge, check-out acceptance, camera scanning, RFID tag lists and positions, in
 * Debian's chromium against a real collector, done through the screens.
 */
describe.skipIf(chromiumMissing())('merging, acceptance, camera scans and positions from the screen', () => {
  const world = useBrowserWorld();
  const work = mkdtempSync(path.join(os.tmpdir(), 'steward-camera-'));
  const video = path.join(work, 'qr.y4m');
  let cameraBrowser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    qrVideo(CAMERA_TAG, video);
    // A browser of its own: its fake camera plays the QR code, and camera and position are allowed.
    cameraBrowser = await chromium.launch({
      executablePath: CHROMIUM_PATH, headless: true,
      args: [...CHROMIUM_ARGS, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${video}`],
    });
  }, 60_000);
  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await cameraBrowser?.close();
    rmSync(work, { recursive: true, force: true });
  });

  const api = async <T = Record<string, unknown>>(where: string, body?: unknown): Promise<T> => {
    const answer = await world.api(`/api/v1/register${where}`, body === undefined ? {} : { method: 'POST', body: JSON.stringify(body) });
    if (answer.status >= 300) throw new Error(`${where}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body as T;
  };
  const categoryId = async () => (await api<{ items: Array<{ id: string; key: string }> }>('/categories?limit=500')).items.find((c) => c.key === 'hardware.computers')!.id;

  async function adminPage(browser: Browser, options: Parameters<Browser['newContext']>[0] = {}): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
    contexts.push(context);
    const page = await context.newPage();
    await signIn(page, world.collector.url, 'admin', ADMIN_PASSWORD);
    return page;
  }

  it('merges a duplicate location into the one kept, after saying how many references move', async () => {
    const keep = await api<{ id: string }>('/locations', { name: 'Main depot', kind: 'site' });
    const dup = await api<{ id: string }>('/locations', { name: 'Main depot (old)', kind: 'site' });
    await api('/locations', { name: 'Cage 3', kind: 'room', parentId: dup.id });
    const asset = await api<{ id: string }>('/assets', { name: 'Merge-test printer', categoryId: await categoryId(), locationId: dup.id });

    const page = await adminPage(world.browser);
    await page.goto(`${world.collector.url}/register/locations`);
    await page.getByRole('button', { name: 'Merge Main depot (old) into another location' }).click();
    const panel = page.getByTestId('merge-panel');
    await panel.getByLabel('The location to keep').selectOption(keep.id);
    await expect.poll(() => panel.getByTestId('merge-preview').textContent()).toContain('2 references move from Main depot (old) to Main depot');
    expect(await panel.getByTestId('merge-preview').textContent()).toContain('1 locations within it');
    await expectAccessible(page);
    await saveScreenshot(page, 'register-merge');

    // Into a location within it: refused, and the button stays off.
    await choose(panel.getByLabel('The location to keep'), 'Main depot (old) / Cage 3');
    await expect.poll(() => panel.getByTestId('merge-preview').textContent()).toContain('Cannot merge: Cage 3 is within Main depot (old)');
    expect(await panel.getByRole('button', { name: 'Merge', exact: true }).isDisabled()).toBe(true);

    await panel.getByLabel('The location to keep').selectOption(keep.id);
    await panel.getByRole('button', { name: 'Merge Main depot (old) into Main depot' }).click();
    await expect.poll(() => page.getByTestId('merge-done').textContent()).toBe('Merged Main depot (old) into Main depot: 2 references moved.');
    await page.getByTestId('locations-table').locator('tr[data-name="Main depot (old)"]').waitFor({ state: 'detached' });
    expect((await api<{ locationId: string }>(`/assets/${asset.id}`)).locationId).toBe(keep.id);
  });

  it('checks out asking the person to accept, who accepts through the link without signing in', async () => {
    const person = await api<{ id: string }>('/people', { name: 'Nora Quist', email: 'nora@example.org' });
    const asset = await api<{ id: string }>('/assets', { name: 'Acceptance laptop', tag: 'ACC-0001', categoryId: await categoryId() });
    const page = await adminPage(world.browser);
    await page.goto(`${world.collector.url}/register/${asset.id}`);
    const form = page.getByTestId('checkout-form');
    await choose(form.getByLabel('Person', { exact: true }), 'Nora Quist');
    await form.getByLabel('Ask the person to accept').check();
    await expectAccessible(page);
    await form.getByRole('button', { name: 'Check out' }).click();
    const link = await page.getByTestId('acceptance-url').getAttribute('href');
    expect(link).toMatch(new RegExp(`^${world.collector.url}/accept#[A-Za-z0-9_-]+$`));
    expect(await page.getByTestId('acceptance-state').textContent()).toBe('Awaiting acceptance');
    expect(await page.getByTestId('acceptance-link').textContent()).toContain('Not sent by e-mail');
    await expectAccessible(page);

    // The person: a browser with no session at all.
    const stranger = await world.browser.newContext();
    contexts.push(stranger);
    const answerPage = await stranger.newPage();
    await answerPage.goto(link!);
    await answerPage.getByTestId('accept-item').waitFor();
    expect(await answerPage.getByTestId('accept-item').textContent()).toContain('Acceptance laptop');
    expect(answerPage.url()).toBe(`${world.collector.url}/accept`);
    await expectAccessible(answerPage);
    await answerPage.getByLabel('Note (optional)').fill('Received with its charger');
    await answerPage.getByRole('button', { name: 'Accept' }).click();
    expect(await answerPage.getByTestId('accept-done').textContent()).toContain('you accepted it');
    await saveScreenshot(answerPage, 'register-accept');

    // The same link a second time: refused.
    const again = await stranger.newPage();
    await again.goto(link!);
    expect(await again.getByTestId('accept-error').textContent()).toContain('not valid or has already been used');

    await page.reload();
    await expect.poll(() => page.getByTestId('acceptance-state').textContent()).toBe('Accepted');
    await page.goto(`${world.collector.url}/register/checkouts`);
    await choose(page.getByLabel('Show'), 'Every open check-out');
    await expect.poll(() => page.getByTestId('checkouts-table').locator('tr', { hasText: 'ACC-0001' }).textContent()).toContain('Accepted');
    await choose(page.getByLabel('Show'), 'Awaiting acceptance');
    await page.getByText('Every check-out asked for has been answered').waitFor();
    await expectAccessible(page);
  });

  it('scans a QR code with the phone camera and feeds an RFID list in an audit round at 390 px, recording the phone\'s position', async () => {
    const site = await api<{ id: string }>('/locations', { name: 'Camera store', kind: 'site' });
    const category = await categoryId();
    const seen = await api<{ id: string }>('/assets', { name: 'Camera-scanned monitor', tag: CAMERA_TAG, categoryId: category, locationId: site.id });
    await api('/assets', { name: 'RFID-read dock', tag: 'RFID-0007', categoryId: category, locationId: site.id });

    const page = await adminPage(cameraBrowser, {
      viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true,
      permissions: ['camera', 'geolocation'], geolocation: HERE,
    });
    await page.goto(`${world.collector.url}/register/audit`);
    await choose(page.getByLabel('Location to audit'), 'Camera store');
    await page.getByRole('button', { name: 'Start the round' }).click();
    await page.getByLabel(/Record where this phone is/).check();
    await expectAccessible(page);

    // Which decoder reads the code: chromium on Linux has no BarcodeDetector formats, so ZXing does.
    const native = await page.evaluate(async () => {
      const detector = (window as unknown as { BarcodeDetector?: { getSupportedFormats(): Promise<string[]> } }).BarcodeDetector;
      return detector ? (await detector.getSupportedFormats()).length > 0 : false;
    });
    console.log(`camera scan decoded by ${native ? 'the browser\'s BarcodeDetector' : 'ZXing'}`);
    await page.getByRole('button', { name: 'Scan with the camera' }).click();
    await expect.poll(() => page.getByTestId('last-scan').textContent().catch(() => null), { timeout: 30_000 }).toBe(`Recorded ${CAMERA_TAG}`);
    expect(await page.getByLabel('Scanned or typed tag').inputValue()).toBe('');
    await page.setInputFiles('[data-testid="tag-list"]', { name: 'reader-export.csv', mimeType: 'text/csv', buffer: Buffer.from('EPC;RSSI\nRFID-0007;-41\nRFID-0007;-44\n') });
    await expect.poll(() => page.getByTestId('list-status').textContent()).toBe('Recorded 1 tags from reader-export.csv.');
    await expect.poll(() => page.getByTestId('audit-scans').textContent()).toContain('2 scans');
    await expectAccessible(page);
    await saveScreenshot(page, 'register-audit-camera');

    const sightings = await api<{ items: Array<{ latitude: number; longitude: number; accuracy: number; source: string }> }>(`/assets/${seen.id}/sightings`);
    expect(sightings.items[0]).toMatchObject({ ...HERE, source: 'audit_scan' });
    await page.goto(`${world.collector.url}/register/${seen.id}`);
    expect(await page.getByTestId('last-seen-place').textContent()).toBe('52.52001, 13.40495');
    await expectAccessible(page);

    // A position refused: the scan goes through all the same.
    await page.context().clearPermissions();
    await page.goto(`${world.collector.url}/register/audit`);
    await page.getByRole('button', { name: 'Continue' }).first().click();
    expect(await page.getByLabel(/Record where this phone is/).isChecked()).toBe(true);
    await page.getByLabel('Scanned or typed tag').fill('RFID-0007');
    await page.getByRole('button', { name: 'Record' }).click();
    await expect.poll(() => page.getByTestId('audit-scans').textContent(), { timeout: 15_000 }).toContain('3 scans');
  });
});
