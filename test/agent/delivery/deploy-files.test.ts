import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePlistXml } from '../../../agent/src/collectors/plist-xml.js';
import { CONFIG_ENVIRONMENT, agentConfigSchema } from '../../../agent/src/config.js';
import { REPO_ROOT } from '../../support/processes.js';

const deploy = (file: string) => readFileSync(path.join(REPO_ROOT, 'deploy/agent', file), 'utf8');
const hasSystemdAnalyze = spawnSync('systemd-analyze', ['--version']).status === 0;
if (!hasSystemdAnalyze) {
  if (process.env.CI === 'true') throw new Error('systemd-analyze (Debian package systemd) is needed to verify the agent\'s unit file');
  console.warn('systemd-analyze not found (Debian package systemd): the unit file is not verified');
}

describe('the agent\'s service definitions', () => {
  it.skipIf(!hasSystemdAnalyze)('systemd accepts the unit', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'steward-unit-'));
    try {
      // The program is not installed here; everything else in the unit must stand as written.
      const unit = path.join(dir, 'steward-agent.service');
      writeFileSync(unit, deploy('steward-agent.service').replace(/^ExecStart=\S+/m, 'ExecStart=/bin/true'));
      const result = spawnSync('systemd-analyze', ['verify', unit], { encoding: 'utf8' });
      expect(result.stderr.trim()).toBe('');
      expect(result.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('runs the installed program with the configuration the install scripts write', () => {
    const unit = deploy('steward-agent.service');
    expect(unit).toMatch(/^ExecStart=\/usr\/local\/bin\/steward-agent --config \/etc\/steward-agent\/config.json$/m);
    expect(deploy('install-linux.sh')).toContain('config=/etc/steward-agent/config.json');
    const plist = parsePlistXml(deploy('com.steward.agent.plist')) as Record<string, unknown>;
    expect(plist.Label).toBe('com.steward.agent');
    expect(plist.ProgramArguments).toEqual(['/usr/local/bin/steward-agent', '--config', '/Library/Application Support/Steward/agent/config.json']);
    expect(plist.ProcessType).toBe('Background');
    expect(deploy('install-macos.sh')).toContain('dir="/Library/Application Support/Steward/agent"');
    expect(deploy('install-windows.ps1')).toMatch(/New-Service -Name \$serviceName -BinaryPathName/);
  });

  it('has install scripts a POSIX shell can read', () => {
    for (const script of ['install-linux.sh', 'install-macos.sh']) {
      expect(() => execFileSync('sh', ['-n', path.join(REPO_ROOT, 'deploy/agent', script)])).not.toThrow();
    }
  });

  it('documents every setting, in the help and in the install guide', () => {
    const help = execFileSync(process.execPath, ['--import', 'tsx', '--conditions=steward-source', path.join(REPO_ROOT, 'agent/src/cli.ts'), '--help'], { encoding: 'utf8', cwd: REPO_ROOT });
    const guide = deploy('README.md');
    for (const [variable, key] of Object.entries(CONFIG_ENVIRONMENT)) {
      expect(help).toContain(variable);
      expect(help).toContain(key);
      expect(guide).toContain(variable);
      expect(guide).toContain(`\`${key}\``);
    }
    expect(Object.values(CONFIG_ENVIRONMENT).sort()).toEqual(Object.keys(agentConfigSchema.shape).sort());
  });
});
