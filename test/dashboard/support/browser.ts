import { existsSync } from 'node:fs';
import type { Browser, LaunchOptions } from 'playwright-core';
import { chromium } from 'playwright-core';

/** Debian's chromium: the tests drive the browser the system has and never download one. */
export const CHROMIUM_PATH = process.env.STEWARD_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export const HAS_CHROMIUM = existsSync(CHROMIUM_PATH);

/**
 * Browser tests skip on a developer machine without chromium (with a message saying so) and fail
 * under CI, where a missing browser means a broken build image rather than an optional extra.
 */
export function chromiumMissing(): boolean {
  if (HAS_CHROMIUM) return false;
  if (process.env.CI === 'true') {
    throw new Error(`chromium not found at ${CHROMIUM_PATH}: install the Debian package "chromium"`);
  }
  console.warn(`skipping browser tests: chromium not found at ${CHROMIUM_PATH} (apt-get install chromium)`);
  return true;
}

export function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true, ...options });
}
