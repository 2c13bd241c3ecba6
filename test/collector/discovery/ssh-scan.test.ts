import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTRACT_BACKENDS } from '../../support/backends.js';
import { enrolTestAgent } from '../../support/collector.js';
import { makeReport } from '../../support/reports.js';
import { expectStatus } from '../alerts/support/alert-world.js';
import { runningAsRoot, sshdAvailable, startSshd, type TestSshd } from './support/sshd.js';
import { startSshWorld, type SshWorld } from './support/ssh-world.js';

/*
 * A real OpenSSH server on a loopback port, logged in to as an unprivileged account with a key and
 * with a password: the host's OS, hardware and dpkg packages arrive in the register as a device of
 * kind ssh. A wrong credential, a changed host key, an endless command and an endless output each
 * end as the host's error with nothing stored, and no secret shows in logs, answers or the audit log.
 */

const runnable = sshdAvailable();
const passwordLogin = runningAsRoot();
if (runnable && !passwordLogin) console.warn('skipping the password cases: password login needs sshd to run as root (the shadow file); run as root or under CI');

/** The packages dpkg says are on this machine, as name and version: the ground truth. */
function dpkgGroundTruth(): string[] {
  const out = execFileSync('dpkg-query', ['-W', '-f', '${db:Status-Abbrev}\t${Package}\t${Version}\n'], { encoding: 'utf8' });
  return [...new Set(out.split('\n').filter((l) => /^i[iUFWt]/.test(l)).map((l) => { const [, name, version] = l.split('\t'); return `${name} ${version}`; }))].sort();
}

describe.skipIf(!runnable).each(CONTRACT_BACKENDS)('SSH scanning on %s', (backend) => {
  let sshd: TestSshd;
  let w: SshWorld;
  let keySet: { id: string };
  let passwordSet: { id: string } | undefined;
  let deviceId: string;
  const target = () => ({ include: ['127.0.0.1'], ports: [sshd.port], connectTimeoutMs: 5000, commandTimeoutMs: 20_000 });

  /** What the register holds: a failed scan must leave every part of it as it was. */
  async function registerState() {
    const { rows } = await w.c.ctx.db.query<Record<string, unknown>>(
      `select (select count(*)::int from devices) as devices, (select count(*)::int from device_software) as software,
              (select count(*)::int from software_changes) as changes,
              (select content_hash || ' ' || last_seen::text from devices where id = $1) as device`, [deviceId]);
    return rows[0];
  }

  beforeAll(async () => {
    sshd = await startSshd();
    w = await startSshWorld(backend);
    keySet = expectStatus(await w.admin.post('/api/v1/ssh/credentials', { name: 'scanner key', kind: 'key', username: sshd.username, privateKey: sshd.privateKey }), 201);
    if (passwordLogin) {
      passwordSet = expectStatus(await w.admin.post('/api/v1/ssh/credentials', { name: 'scanner password', kind: 'password', username: sshd.username, password: sshd.password }), 201);
    }
  }, 60_000);
  afterAll(async () => {
    await w?.stop();
    await sshd?.stop();
  });

  it('reads the OS, hardware and installed packages with a key, into a device of kind ssh', async () => {
    const view = await w.scan({ ...target(), credentialIds: [keySet.id] });
    expect(view).toMatchObject({ status: 'finished', total: 1, done: 1, scanned: 1, errors: [] });
    const [host] = expectStatus(await w.admin.get('/api/v1/ssh/hosts'), 200).items;
    expect(host).toMatchObject({ host: '127.0.0.1', port: sshd.port, status: 'ok', credentialId: keySet.id, errorCode: null });
    deviceId = host.deviceId;
    const device = expectStatus(await w.admin.get(`/api/v1/devices/${deviceId}`), 200);
    expect(device.kind).toBe('ssh');
    expect(device.hostname).toBe(os.hostname());
    expect(device.os).toMatchObject({ platform: 'linux', name: 'Debian GNU/Linux', kernel: os.release(), arch: execFileSync('uname', ['-m'], { encoding: 'utf8' }).trim() });
    expect(device.os.version).toBe(readFileSync('/etc/debian_version', 'utf8').trim());
    expect(device.hardware.cpu.threads).toBe(os.cpus().length);
    expect(Math.abs(device.hardware.memory.totalBytes - os.totalmem())).toBeLessThan(1024 * 1024);
    const found = [...new Set(device.software.map((s: { name: string; version: string }) => `${s.name} ${s.version}`))].sort();
    expect(found).toEqual(dpkgGroundTruth());
    const [pinned] = expectStatus(await w.admin.get('/api/v1/ssh/host-keys'), 200).items;
    expect(pinned).toMatchObject({ host: '127.0.0.1', port: sshd.port, keyType: 'ssh-ed25519', fingerprint: sshd.hostKeyFingerprint(), offered: null });
  });

  it.skipIf(!passwordLogin)('reads the same host with a password, onto the same device', async () => {
    const before = await registerState();
    const view = await w.scan({ ...target(), credentialIds: [passwordSet!.id] });
    expect(view).toMatchObject({ status: 'finished', scanned: 1, errors: [] });
    const [host] = expectStatus(await w.admin.get('/api/v1/ssh/hosts'), 200).items;
    expect(host).toMatchObject({ status: 'ok', deviceId, credentialId: passwordSet!.id });
    const after = await registerState();
    // Nothing changed on the host: the same device, no new software rows or changes.
    expect({ ...after, device: undefined }).toEqual({ ...before, device: undefined });
    expect(sshd.log()).toMatch(/Accepted password for steward-ssh-scan/);
  });

  it('ends with auth-failed when no credential set is accepted, storing nothing', async () => {
    const wrongPassword = passwordLogin
      ? expectStatus(await w.admin.post('/api/v1/ssh/credentials', { name: 'wrong password', kind: 'password', username: sshd.username, password: 'not-the-password-7f3a' }), 201)
      : undefined;
    const stranger = expectStatus(await w.admin.post('/api/v1/ssh/credentials', { name: 'stranger key', kind: 'key', username: sshd.username, privateKey: sshd.strangerKey }), 201);
    const tried = [stranger.id, ...(wrongPassword ? [wrongPassword.id] : [])];
    const before = await registerState();
    const view = await w.scan({ ...target(), credentialIds: tried });
    expect(view).toMatchObject({ status: 'finished', scanned: 0 });
    expect(view.errors).toEqual([{ host: '127.0.0.1', port: sshd.port, code: 'auth-failed', message: `127.0.0.1:${sshd.port}: none of the ${tried.length} SSH credential sets tried was accepted` }]);
    expect(await registerState()).toEqual(before);
    const [host] = expectStatus(await w.admin.get('/api/v1/ssh/hosts'), 200).items;
    expect(host).toMatchObject({ status: 'error', errorCode: 'auth-failed', deviceId });
  });

  it('stops a command that never ends at its time bound, storing nothing', async () => {
    sshd.shim('slow');
    try {
      const before = await registerState();
      const started = Date.now();
      const view = await w.scan({ ...target(), credentialIds: [keySet.id], commandTimeoutMs: 1500 });
      expect(Date.now() - started).toBeLessThan(15_000);
      expect(view.errors).toEqual([{ host: '127.0.0.1', port: sshd.port, code: 'command-timeout', message: `127.0.0.1:${sshd.port}: a command ran past 1500 ms and was stopped` }]);
      expect(await registerState()).toEqual(before);
    } finally {
      sshd.shim('none');
    }
  });

  it('stops an output past the byte bound, storing nothing', async () => {
    sshd.shim('huge');
    try {
      const before = await registerState();
      const view = await w.scan({ ...target(), credentialIds: [keySet.id], maxOutputBytes: 4 * 1024 * 1024 });
      expect(view.errors).toEqual([{ host: '127.0.0.1', port: sshd.port, code: 'output-too-large', message: `127.0.0.1:${sshd.port}: the host printed more than ${4 * 1024 * 1024} bytes; the command was stopped` }]);
      expect(await registerState()).toEqual(before);
    } finally {
      sshd.shim('none');
    }
  });

  it('stops before authenticating when the host key changed, raises an alert, and goes on once the new key is accepted', async () => {
    expectStatus(await w.admin.post('/api/v1/alerts/rules', { name: 'SSH host key changed', kind: 'ssh_host_key_changed' }), 201);
    const pinnedBefore = sshd.hostKeyFingerprint();
    await sshd.replaceHostKey();
    const offered = sshd.hostKeyFingerprint();
    expect(offered).not.toBe(pinnedBefore);
    const mark = sshd.log().length;
    const before = await registerState();
    const view = await w.scan({ ...target(), credentialIds: [keySet.id, ...(passwordSet ? [passwordSet.id] : [])] });
    expect(view.errors).toEqual([{ host: '127.0.0.1', port: sshd.port, code: 'host-key-changed', message: `127.0.0.1:${sshd.port}: the host key differs from the one pinned; no credential was sent` }]);
    expect(await registerState()).toEqual(before);
    // sshd saw no authentication attempt at all: no user name, key or password reached it.
    expect(sshd.log().slice(mark)).not.toMatch(/Accepted|Failed|publickey|password|steward-ssh-scan|Postponed/i);
    const [key] = expectStatus(await w.admin.get('/api/v1/ssh/host-keys?changed=true'), 200).items;
    expect(key).toMatchObject({ fingerprint: pinnedBefore, offered: { keyType: 'ssh-ed25519', fingerprint: offered } });

    await w.evaluate();
    const open = expectStatus(await w.admin.get('/api/v1/alerts?state=open'), 200).items.filter((a: { kind?: string; summary: string }) => a.summary.includes('different host key'));
    expect(open).toHaveLength(1);
    expect(open[0].summary).toContain(`127.0.0.1:${sshd.port}`);

    const wrong = await w.admin.post('/api/v1/ssh/host-keys/accept', { host: '127.0.0.1', port: sshd.port, fingerprint: pinnedBefore });
    expect(wrong.status).toBe(409);
    expectStatus(await w.admin.post('/api/v1/ssh/host-keys/accept', { host: '127.0.0.1', port: sshd.port, fingerprint: offered }), 200);
    expect(await w.scan({ ...target(), credentialIds: [keySet.id] })).toMatchObject({ scanned: 1, errors: [] });
    await w.evaluate();
    const still = expectStatus(await w.admin.get('/api/v1/alerts?state=open'), 200).items.filter((a: { summary: string }) => a.summary.includes('different host key'));
    expect(still).toHaveLength(0);
  });

  it('lists the addresses the SSH host holds in the address space', async () => {
    expectStatus(await w.admin.post('/api/v1/address-space/refresh', {}), 200);
    const own = os.networkInterfaces();
    const address = Object.entries(own).filter(([name]) => name !== 'lo').flatMap(([, list]) => list ?? []).find((a) => a.family === 'IPv4' && !a.internal);
    if (!address) return;
    const subnet = address.cidr!.replace(/\.\d+\/(\d+)$/, '.0/$1');
    const detail = expectStatus(await w.admin.get(`/api/v1/address-space/subnet?cidr=${encodeURIComponent(subnet)}`), 200);
    const held = detail.addresses.find((a: { address: string }) => a.address === address.address);
    expect(held?.holders.map((h: { deviceId: string; kind: string }) => [h.deviceId, h.kind])).toContainEqual([deviceId, 'ssh']);
  });

  it('is judged by the identity rules against an agent that later reports for the same OS install', async () => {
    // As the unprivileged account reads it, the host presents its machine id alone (DMI ids are root's):
    // an agent presenting the same machine id is the install-only rule's possible duplicate, for a person to merge.
    const machineId = readFileSync('/etc/machine-id', 'utf8').trim();
    const agent = await enrolTestAgent(w.c.url, os.hostname());
    const report = makeReport(agent.agentId, { identity: { hostname: os.hostname(), machineId, macAddresses: [] } });
    const sent = await fetch(`${w.c.url}/api/v1/agents/report`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${agent.token}` }, body: JSON.stringify(report),
    });
    expect(sent.status).toBe(200);
    const { deviceId: agentDevice } = (await sent.json()) as { deviceId: string };
    expect(agentDevice).not.toBe(deviceId);
    const reviews = expectStatus(await w.admin.get(`/api/v1/devices/identity-reviews?deviceId=${agentDevice}`), 200).items;
    expect(reviews).toContainEqual(expect.objectContaining({ kind: 'possible-duplicate', rule: 'install-only', otherDeviceId: deviceId }));
  });

  it('shows no credential in any log line, API answer or audit entry', async () => {
    const keyBody = sshd.privateKey.split('\n').filter((l) => l && !l.startsWith('-----'));
    const secrets = [...keyBody, ...(sshd.password ? [sshd.password, 'not-the-password-7f3a'] : [])];
    expect(secrets.length).toBeGreaterThan(2);
    const { rows } = await w.c.ctx.db.query<{ entry: string }>('select row_to_json(a)::text as entry from audit_log a');
    expect(rows.some((r) => r.entry.includes('ssh-credential.create'))).toBe(true);
    const haystacks = { logs: w.logs(), answers: w.answers.join('\n'), audit: rows.map((r) => r.entry).join('\n') };
    expect(haystacks.logs).toContain('ssh host scanned');
    for (const [where, text] of Object.entries(haystacks)) {
      for (const secret of secrets) expect(text.includes(secret), `${where} holds a secret`).toBe(false);
    }
    const listed = expectStatus(await w.admin.get('/api/v1/ssh/credentials'), 200).items;
    for (const set of listed) expect(Object.keys(set).sort()).toEqual(['createdAt', 'id', 'kind', 'name', 'position', 'updatedAt', 'username']);
  });
});
