import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The nearest shared/fixtures/inventory beside the repository or one of its parent folders. */
function recordedDir(): string {
  for (let dir = path.dirname(repoRoot); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'shared/fixtures/inventory');
    if (existsSync(candidate) || dir === path.dirname(dir)) return candidate;
  }
}

/** Real outputs recorded on other machines, kept beside the repository (or a folder above it) when a developer has them. */
export const RECORDED = recordedDir();
export const hasRecorded = existsSync(RECORDED);
if (!hasRecorded) console.warn(`recorded inventory outputs not found at ${RECORDED}: those tests are skipped`);

/** The project's own small fixtures. */
export const OWN = path.resolve(repoRoot, 'test/fixtures/agent');

export function recorded(relative: string): Buffer {
  return readFileSync(path.join(RECORDED, relative));
}

export function recordedText(relative: string): string {
  return recorded(relative).toString('utf8');
}

export function own(relative: string): Buffer {
  return readFileSync(path.join(OWN, relative));
}

export function ownText(relative: string): string {
  return own(relative).toString('utf8');
}
