import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/processes.js';

const DOCS_DIR = path.join(REPO_ROOT, 'docs');
const SCREENSHOTS_DIR = path.join(DOCS_DIR, 'screenshots');

/** Images a Markdown file shows, Markdown's `![…](…)` and HTML's `<img src>`, as paths from the docs folder. */
export function imagesShown(markdown: string): string[] {
  const markdownImages = [...markdown.matchAll(/!\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1]!);
  const htmlImages = [...markdown.matchAll(/<img\b[^>]*\bsrc=["']([^"']+)["']/gi)].map((m) => m[1]!);
  return [...markdownImages, ...htmlImages].filter((ref) => !/^[a-z]+:/i.test(ref)).map((ref) => decodeURI(ref.split('#')[0]!));
}

const guides = readdirSync(DOCS_DIR).filter((file) => file.endsWith('.md'));
const shown = guides.flatMap((file) => imagesShown(readFileSync(path.join(DOCS_DIR, file), 'utf8')).map((ref) => ({ file, ref })));

/**
 * The guides show the screenshots the help browser test takes: an image a guide shows must exist
 * (the test removes the screenshot of a screen that is gone), and each screenshot is shown by a guide.
 */
describe('the guides in docs/ and their screenshots', () => {
  it('reads the images of both syntaxes, and leaves web addresses alone', () => {
    expect(imagesShown('a ![One](screenshots/a.jpg) b <img alt="x" src="screenshots/b.png"> ![Web](https://example.org/c.png)'))
      .toEqual(['screenshots/a.jpg', 'screenshots/b.png']);
  });

  it('shows only images that exist', () => {
    expect(guides.length).toBeGreaterThanOrEqual(5);
    const missing = shown.filter(({ ref }) => !existsSync(path.join(DOCS_DIR, ref))).map(({ file, ref }) => `${file}: ${ref}`);
    expect(missing).toEqual([]);
  });

  it('shows every screenshot in at least one guide', () => {
    const screenshots = readdirSync(SCREENSHOTS_DIR);
    expect(screenshots.length).toBeGreaterThan(20);
    const used = new Set(shown.map(({ ref }) => path.normalize(ref)));
    expect(screenshots.filter((file) => !used.has(path.join('screenshots', file)))).toEqual([]);
  });
});
