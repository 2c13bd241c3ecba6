import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, REPO_ROOT, waitForHealth } from '../support/processes.js';

function dpkgPackageCount(): number | undefined {
  try {
    return execFileSync('dpkg-query', ['-W'], { encoding: 'utf8' }).trim().split('\n').length;
  } catch {
    return undefined;
  }
}

const dpkgCount = dpkgPackageCount();

/** What `npm start` runs after building: the collector on the embedded database and a local agent. */
describe.skipIf(dpkgCount === undefined)('the local launcher (npm start)', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'steward-start-'));
  let launcher: ReturnType<typeof spawn> | undefined;
  afterAll(() => {
    launcher?.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('shows this machine with all its dpkg packages within 30 s of the server being up', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    launcher = spawn(process.execPath, [path.join(REPO_ROOT, 'deploy/start-local.mjs')], {
      cwd: REPO_ROOT,
      env: { ...process.env, STEWARD_PORT: String(port), STEWARD_DATA_DIR: dataDir, STEWARD_ADMIN_PASSWORD: 'first-start-password', DATABASE_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    launcher.stdout!.on('data', (c: Buffer) => (output += c.toString()));
    launcher.stderr!.on('data', (c: Buffer) => (output += c.toString()));
    await waitForHealth(url, 240_000);
    const upAt = Date.now();
    const login = await fetch(`${url}/api/v1/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'first-start-password' }),
    });
    const auth = { authorization: `Bearer ${((await login.json()) as { token: string }).token}` };
    let device: { id: string; hostname: string } | undefined;
    while (!device && Date.now() - upAt < 30_000) {
      const list = (await (await fetch(`${url}/api/v1/devices`, { headers: auth })).json()) as { items: Array<{ id: string; hostname: string }> };
      device = list.items[0];
      if (!device) await new Promise((r) => setTimeout(r, 200));
    }
    const seenAfterMs = Date.now() - upAt;
    expect(device, `no device listed within 30 s; launcher output:\n${output.slice(-2000)}`).toBeDefined();
    console.log(`this machine was listed ${seenAfterMs} ms after the collector was up`);
    const detail = (await (await fetch(`${url}/api/v1/devices/${device!.id}`, { headers: auth })).json()) as { software: Array<{ source: string }> };
    expect(detail.software.filter((s) => s.source === 'dpkg')).toHaveLength(dpkgCount!);
    expect(output).toContain(url);
  });
});
