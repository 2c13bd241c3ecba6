import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { REPO_ROOT } from '../../support/processes.js';

export const ARTIFACTS_DIR = path.join(REPO_ROOT, 'test', 'artifacts', 'dashboard');

/** Saves what the page shows now, for people to look at; test/artifacts is not committed. */
export async function saveScreenshot(page: Page, name: string, fullPage = false): Promise<string> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const file = path.join(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage });
  return file;
}

/** Signs in through the sign-in form, as a person does, and waits for the app shell. */
export async function signIn(page: Page, url: string, username: string, password: string): Promise<void> {
  await page.goto(url);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('current-user').waitFor();
}

/** Marks the loaded document; the mark survives in-app navigation and vanishes on any reload. */
export async function markDocument(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { stewardMark?: boolean }).stewardMark = true;
  });
}

export async function documentStillMarked(page: Page): Promise<boolean> {
  return page.evaluate(() => (window as unknown as { stewardMark?: boolean }).stewardMark === true);
}
