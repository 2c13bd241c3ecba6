import type { Page } from 'playwright-core';

const CONTROLS = 'input:not([type=hidden]), select, textarea, button, a[href]';

/** Every visible control without an accessible name (label, aria-label, aria-labelledby, text or title), described. */
export async function unlabelledControls(page: Page): Promise<string[]> {
  return page.evaluate((selector) => {
    const visible = (el: Element) => {
      const box = el.getBoundingClientRect();
      return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== 'hidden';
    };
    const named = (el: HTMLElement) => {
      if (el.getAttribute('aria-label')?.trim()) return true;
      const by = el.getAttribute('aria-labelledby');
      if (by && by.split(/\s+/).some((id) => document.getElementById(id)?.textContent?.trim())) return true;
      if ('labels' in el && (el as HTMLInputElement).labels?.length) {
        return [...(el as HTMLInputElement).labels!].some((label) => label.textContent?.trim());
      }
      if (el.tagName === 'BUTTON' || el.tagName === 'A') return Boolean(el.textContent?.trim() || el.getAttribute('title')?.trim());
      return false;
    };
    return [...document.querySelectorAll<HTMLElement>(selector)]
      .filter((el) => visible(el) && !named(el))
      .map((el) => el.outerHTML.slice(0, 160));
  }, CONTROLS);
}

/**
 * Visible, enabled controls that pressing Tab from the top of the page never reaches. Each control
 * is marked first, then the focus is followed until it comes round again.
 */
export async function unreachableControls(page: Page, maxPresses = 600): Promise<string[]> {
  const count = await page.evaluate((selector) => {
    const controls = [...document.querySelectorAll<HTMLElement>(selector)].filter((el) => {
      const box = el.getBoundingClientRect();
      return box.width > 0 && box.height > 0 && !(el as HTMLButtonElement).disabled && getComputedStyle(el).visibility !== 'hidden';
    });
    controls.forEach((el, index) => el.setAttribute('data-a11y-index', String(index)));
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, 0);
    return controls.length;
  }, CONTROLS);
  const reached = new Set<string>();
  let first = '';
  let previous = '';
  // A date field takes one Tab per part (day, month, year), so the same control may hold the focus
  // for several presses; the walk ends when the focus comes back round to the first control.
  for (let press = 0; press < maxPresses && reached.size < count; press++) {
    await page.keyboard.press('Tab');
    const index = await page.evaluate(() => document.activeElement?.getAttribute('data-a11y-index') ?? '');
    if (index && index === first && previous !== first) break;
    if (index && !first) first = index;
    if (index) reached.add(index);
    previous = index;
  }
  return page.evaluate((seen) => [...document.querySelectorAll<HTMLElement>('[data-a11y-index]')]
    .filter((el) => !seen.includes(el.getAttribute('data-a11y-index')!))
    .map((el) => el.outerHTML.slice(0, 160)), [...reached]);
}

/** Both checks on the page as it is now; an empty list means it passes. */
export async function accessibilityProblems(page: Page): Promise<string[]> {
  const unlabelled = (await unlabelledControls(page)).map((html) => `no label: ${html}`);
  const unreachable = (await unreachableControls(page)).map((html) => `not reachable by Tab: ${html}`);
  return [...unlabelled, ...unreachable];
}
