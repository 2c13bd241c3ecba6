import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { REPO_ROOT } from '../../support/processes.js';

export const DASHBOARD_ROOT = path.join(REPO_ROOT, 'dashboard');

/** Builds the dashboard from its sources into a fresh directory, as `npm run build -w dashboard` does. */
export async function buildDashboard(outDir = mkdtempSync(path.join(os.tmpdir(), 'steward-dashboard-'))): Promise<string> {
  await build({
    root: DASHBOARD_ROOT,
    configFile: path.join(DASHBOARD_ROOT, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
  return outDir;
}

export interface ScriptSize {
  file: string;
  bytes: number;
  gzipBytes: number;
}

/**
 * The JavaScript a browser must fetch before the first screen: the entry script of index.html and
 * the chunks it preloads. Chunks loaded later (on navigation) are not counted.
 */
export function initialScripts(distDir: string): ScriptSize[] {
  const html = readFileSync(path.join(distDir, 'index.html'), 'utf8');
  const referenced = [...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="([^"]+\.js)"/g)]
    .map((match) => match[1]!);
  return referenced.map((ref) => {
    const content = readFileSync(path.join(distDir, ref.replace(/^\//, '')));
    return { file: ref, bytes: content.length, gzipBytes: gzipSync(content, { level: 9 }).length };
  });
}

export function allAssets(distDir: string): string[] {
  return readdirSync(path.join(distDir, 'assets'));
}
